import { describe, expect, test } from "vitest";
import { formatTable, formatTimestamp, printable } from "./table.ts";

describe("formatTable", () => {
  test("aligns every column to its widest cell, without trailing blanks", () => {
    expect(
      formatTable(
        ["ID", "NAME", "E-MAIL"],
        [
          ["1", "Ada Lovelace", "ada@example.com"],
          ["22", "Bo", "b@example.com"],
        ],
      ),
    ).toEqual([
      "ID  NAME          E-MAIL",
      "1   Ada Lovelace  ada@example.com",
      "22  Bo            b@example.com",
    ]);
  });

  test("a short last column leaves no trailing blanks", () => {
    expect(formatTable(["A", "B"], [["x", ""]])).toEqual(["A  B", "x"]);
  });

  test("only the header when there are no rows", () => {
    expect(formatTable(["ID", "NAME"], [])).toEqual(["ID  NAME"]);
  });

  test("counts characters, not UTF-16 units", () => {
    expect(
      formatTable(
        ["N", "X"],
        [
          ["𝔸", "1"],
          ["abc", "2"],
        ],
      ),
    ).toEqual(["N    X", "𝔸    1", "abc  2"]);
  });

  test("control characters in cells cannot reach the terminal", () => {
    const [, row] = formatTable(["NAME", "X"], [["\u001b[31mEvil\nname\u202e", "1"]]);
    expect(row).toBe("\uFFFD[31mEvil\uFFFDname\uFFFD  1");
    expect(printable("plain Ünïcödé")).toBe("plain Ünïcödé");
  });
});

test("formatTimestamp shows minutes in UTC", () => {
  expect(formatTimestamp("2025-03-01T14:05:59.123Z")).toBe("2025-03-01 14:05");
  expect(formatTimestamp("not a date")).toBe("not a date");
});
