import { expect, test } from "vitest";
import { readResourceDraft } from "./resource-draft.ts";

test("a resource is read with its capacity as a number", () => {
  expect(readResourceDraft({ name: " Bühne 4 ", kind: "bay", capacity: "2" })).toEqual({
    problems: {},
    input: { name: "Bühne 4", kind: "bay", capacity: 2 },
  });
});

test("problems are named by the api's fields", () => {
  expect(readResourceDraft({ name: "", kind: " ", capacity: "21" }).problems).toEqual({
    name: { key: "validation.required" },
    kind: { key: "validation.required" },
    capacity: { key: "adminCatalog.problem.atMost", values: { max: 20 } },
  });
});
