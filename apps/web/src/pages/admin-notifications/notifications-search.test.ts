import { expect, test } from "vitest";
import { validateNotificationsSearch } from "./notifications-search.ts";

test("the e-mail log keeps a known status and drops anything else", () => {
  expect(validateNotificationsSearch({ status: "failed" })).toEqual({ status: "failed" });
  expect(validateNotificationsSearch({ status: "lost" })).toEqual({});
  expect(validateNotificationsSearch({})).toEqual({});
});
