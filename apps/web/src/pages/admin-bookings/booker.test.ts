import type { User } from "@booking/contracts";
import { describe, expect, test } from "vitest";
import { bookerOf, memberIdsOf } from "./booker.ts";

const mia: User = {
  id: "6f1c1f4e-8d0a-4c57-9a52-2d7f3a1b0c11",
  email: "mia@example.org",
  name: "Mia Muster",
  role: "member",
  status: "active",
  createdAt: "2027-01-01T00:00:00.000Z",
};
const people = new Map([[mia.id, mia]]);
const guest = { name: "Gerd Gast", email: "gerd@example.org", phone: "+49 170 1" };

describe("bookerOf", () => {
  test("a guest's contact comes from the booking", () => {
    expect(bookerOf({ bookedBy: { guest } }, people)).toEqual({ ...guest, guest: true });
  });

  test("a member is looked up; unknown until read", () => {
    expect(bookerOf({ bookedBy: { userId: mia.id } }, people)).toEqual({
      name: "Mia Muster",
      email: "mia@example.org",
      phone: undefined,
      guest: false,
    });
    expect(bookerOf({ bookedBy: { userId: "someone-else" } }, people)).toBeUndefined();
  });
});

test("memberIdsOf names each member once, and no guest", () => {
  expect(
    memberIdsOf([
      { bookedBy: { userId: "b" } },
      { bookedBy: { guest } },
      { bookedBy: { userId: "a" } },
      { bookedBy: { userId: "b" } },
    ]),
  ).toEqual(["a", "b"]);
});
