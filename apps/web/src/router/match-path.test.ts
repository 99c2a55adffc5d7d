import { describe, expect, test } from "vitest";
import { matchPath } from "./match-path.ts";

describe("matchPath", () => {
  test("matches a static path, ignoring trailing slashes", () => {
    expect(matchPath("/account", "/account")).toEqual({});
    expect(matchPath("/account", "/account/")).toEqual({});
    expect(matchPath("/", "/")).toEqual({});
  });

  test("rejects other paths, longer or shorter", () => {
    expect(matchPath("/account", "/admin")).toBeUndefined();
    expect(matchPath("/account", "/account/tokens")).toBeUndefined();
    expect(matchPath("/admin/users", "/admin")).toBeUndefined();
    expect(matchPath("/", "/login")).toBeUndefined();
  });

  test("takes named parameters, decoded", () => {
    expect(matchPath("/users/:id", "/users/42")).toEqual({ id: "42" });
    expect(matchPath("/a/:x/b/:y", "/a/J%C3%BCrgen/b/2")).toEqual({ x: "Jürgen", y: "2" });
  });

  test("a malformed escape stays as typed instead of throwing", () => {
    expect(matchPath("/users/:id", "/users/%E0%A4%A")).toEqual({ id: "%E0%A4%A" });
  });
});
