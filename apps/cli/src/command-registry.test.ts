import { expect, test } from "vitest";
import { findCommand } from "./command-registry.ts";

test("findCommand reads one- and two-word commands and leaves the operands", () => {
  const approve = findCommand(["users", "approve", "id-1"]);
  expect(approve.found?.name).toBe("users approve");
  expect(approve.found && approve.operands).toEqual(["id-1"]);
  expect(findCommand(["status"]).found?.name).toBe("status");
});

test("findCommand explains a missing or unknown subcommand", () => {
  expect(findCommand(["users"])).toEqual({
    found: undefined,
    problem: '"users" needs a subcommand: list|approve|reject.',
  });
  expect(findCommand(["users", "delete"])).toMatchObject({
    problem: /Unknown command "users delete"/,
  });
  expect(findCommand(["frobnicate"])).toMatchObject({ problem: 'Unknown command "frobnicate".' });
});

test("a group word can also be a command of its own: venues and venues show", () => {
  expect(findCommand(["venues"]).found?.name).toBe("venues");
  expect(findCommand(["venues", "show", "id-1"])).toMatchObject({
    found: { name: "venues show" },
    operands: ["id-1"],
  });
  expect(findCommand(["bookings", "id-1"])).toMatchObject({
    found: { name: "bookings" },
    operands: ["id-1"],
  });
});
