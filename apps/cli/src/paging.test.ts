import { expect, test } from "vitest";
import { collectPages } from "./paging.ts";

const pages: Record<string, { items: number[]; nextCursor: string | null }> = {
  start: { items: [1, 2], nextCursor: "b" },
  b: { items: [3], nextCursor: "c" },
  c: { items: [4], nextCursor: null },
};
const fetchPage = async (cursor: string | undefined) =>
  pages[cursor ?? "start"] ?? { items: [], nextCursor: null };

test("the first page only, remembering where it stopped", async () => {
  expect(await collectPages(fetchPage, false)).toEqual({ items: [1, 2], nextCursor: "b" });
});

test("every page with all, following the cursors to the end", async () => {
  expect(await collectPages(fetchPage, true)).toEqual({ items: [1, 2, 3, 4], nextCursor: null });
});
