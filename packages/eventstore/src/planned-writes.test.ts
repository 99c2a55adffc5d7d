import { describe, expect, test } from "vitest";
import { renumberWrite, scanSql } from "./planned-writes.ts";

describe("scanSql", () => {
  test("finds parameters, and appended as a relation, outside quoted text and comments", () => {
    const scan = scanSql(`INSERT INTO t (a, "b$1", c) SELECT $1, 'x $2 FROM appended', $$ $3 ; $$,
      $tag$ it's $4 $tag$, E'\\' $5', c$6 /* FROM appended $7 /* nested */ ; */ FROM other -- $8 ;
      JOIN appended ON true WHERE d = $10`);
    expect(scan.params.map((p) => p.number)).toEqual([1, 10]);
    expect(scan.readsAppended).toBe(true);
    expect(scan.semicolon).toBe(false);
  });

  test.each([
    ["FROM appended", true],
    ["from APPENDED a", true],
    ['FROM "appended"', true],
    ["FROM other, appended", true],
    ["USING appended", true],
    ["LEFT JOIN appended ON true", true],
    ["FROM appended_rows", false],
    ["FROM other WHERE appended", false],
    ["FROM 'appended'", false],
    ['FROM "Appended"', false],
    ["-- FROM appended", false],
  ])("%s reads from appended: %s", (fragment, reads) => {
    expect(scanSql(`SELECT 1 ${fragment}`).readsAppended).toBe(reads);
  });

  test("a ';' outside quoted text is seen", () => {
    expect(scanSql("SELECT 1 FROM appended; DELETE FROM t").semicolon).toBe(true);
    expect(scanSql("SELECT ';' FROM appended").semicolon).toBe(false);
  });

  test("unterminated quoted text is refused", () => {
    expect(() => scanSql("SELECT 'x FROM appended")).toThrow(/Unterminated/);
    expect(() => scanSql("SELECT $q$ x FROM appended")).toThrow(/Unterminated/);
  });
});

describe("renumberWrite", () => {
  test("moves every parameter after the offset, nothing else", () => {
    const text = "INSERT INTO t SELECT $2, $1::int, '$1', $3 FROM appended WHERE x = $2";
    const renumbered = renumberWrite({ text, values: [1, 2, 3] }, 12);
    expect(renumbered).toBe(
      "INSERT INTO t SELECT $14, $13::int, '$1', $15 FROM appended WHERE x = $14",
    );
  });

  test("refuses writes that are not drawn from appended or whose parameters do not match", () => {
    expect(() => renumberWrite({ text: "DELETE FROM t WHERE a = $1", values: [1] }, 0)).toThrow(
      /appended/,
    );
    expect(() => renumberWrite({ text: "DELETE FROM t USING appended", values: [1] }, 0)).toThrow(
      /\$1/,
    );
    expect(() =>
      renumberWrite({ text: "DELETE FROM t USING appended WHERE a = $2", values: [1] }, 0),
    ).toThrow(/parameters/);
  });
});
