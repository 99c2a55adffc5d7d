import { describe, expect, test } from "vitest";
import { loginPathReturningTo, paths, resolveRoute, safeNextPath } from "./routes.ts";

describe("resolveRoute", () => {
  test("every declared path resolves to its own page", () => {
    for (const [name, path] of Object.entries(paths)) expect(resolveRoute(path).name).toBe(name);
  });

  test("unknown paths are not found", () => {
    expect(resolveRoute("/nope").name).toBe("notFound");
    expect(resolveRoute("/account/extra").name).toBe("notFound");
  });
});

describe("safeNextPath", () => {
  test("keeps paths of this app", () => {
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/account?tab=tokens")).toBe("/account?tab=tokens");
  });

  test.each([null, "", "https://evil.example/", "//evil.example/", "/\\evil.example", "admin"])(
    "refuses %j and goes to My account",
    (next) => {
      expect(safeNextPath(next)).toBe(paths.account);
    },
  );

  test("the login link round-trips the page to return to", () => {
    const url = new URL(loginPathReturningTo("/admin"), "https://x.example");
    expect(url.pathname).toBe(paths.login);
    expect(safeNextPath(url.searchParams.get("next"))).toBe("/admin");
  });
});
