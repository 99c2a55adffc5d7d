import { expect, test } from "vitest";
import { readManageToken } from "./read-manage-token.ts";

const bookingId = "6f160226-0b7a-4c1e-9d55-3c2f3c1d2a10";
function token(claims: object): string {
  const payload = btoa(JSON.stringify(claims))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
  return `manage.${payload}.c2lnbmF0dXJl`;
}

test("reads the booking id from the payload", () => {
  const expiresAt = Math.floor(Date.now() / 1000) + 3600;
  expect(readManageToken(token({ id: "x", subject: bookingId, expiresAt }))).toEqual({
    bookingId,
    expired: false,
  });
});

test("tells an expired token", () => {
  expect(readManageToken(token({ id: "x", subject: bookingId, expiresAt: 1 }))?.expired).toBe(true);
});

test("refuses what cannot be a manage token", () => {
  expect(readManageToken("nonsense")).toBeUndefined();
  expect(
    readManageToken(`session.${token({ subject: bookingId, expiresAt: 1 }).split(".")[1]}.x`),
  ).toBeUndefined();
  expect(readManageToken("manage.!!!.sig")).toBeUndefined();
  expect(readManageToken(token({ id: "x", subject: "not-a-uuid", expiresAt: 1 }))).toBeUndefined();
});
