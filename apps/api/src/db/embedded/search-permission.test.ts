import { chmod, mkdir, mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "vitest";
import { grantSearchOnAncestors } from "./search-permission.ts";

test("adds only the others' search bit to ancestors that lack it", async () => {
  const root = await mkdtemp(join(tmpdir(), "booking-search-"));
  const privateDir = join(root, "private");
  const target = join(privateDir, "nested", "cluster");
  await mkdir(target, { recursive: true });
  await chmod(privateDir, 0o700);
  await chmod(root, 0o750);
  const granted: string[] = [];
  await grantSearchOnAncestors(target, (directory) => granted.push(directory));
  expect((await stat(privateDir)).mode & 0o777).toBe(0o701);
  expect((await stat(root)).mode & 0o777).toBe(0o751);
  expect(granted).toEqual([privateDir, root]);
  // The target itself and directories that already allow search stay as they are.
  expect(granted).not.toContain(target);
});
