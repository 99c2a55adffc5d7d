import { expect, test } from "vitest";
import { escapeLike, searchWords } from "./free-text.ts";

test("a search is split into its words", () => {
  expect(searchWords("  Mia   lake\tview ")).toEqual(["Mia", "lake", "view"]);
  expect(searchWords(undefined)).toEqual([]);
});

test("wildcards in a word are matched as themselves", () => {
  expect(escapeLike("100%_sure\\")).toBe("100\\%\\_sure\\\\");
  expect(escapeLike("plain")).toBe("plain");
});
