import { describe, expect, test } from "vitest";
import { safeNextPath } from "./safe-next-path.ts";

describe("safeNextPath", () => {
  test("keeps paths of this app", () => {
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/account?tab=tokens")).toBe("/account?tab=tokens");
  });

  test.each([
    undefined,
    "",
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example",
    "admin",
  ])("refuses %j and goes to My account", (next) => {
    expect(safeNextPath(next)).toBe("/account");
  });
});
