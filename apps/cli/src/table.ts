/**
 * Aligned columns separated by two spaces, header first, no trailing blanks. Cells are
 * made printable first: names and e-mail addresses come from other people, and a
 * control character in them must not reach (and steer) the reader's terminal.
 */
export function formatTable(headers: string[], rows: string[][]): string[] {
  const lines = [headers, ...rows].map((row) => row.map(printable));
  const widths = headers.map((_, column) =>
    Math.max(...lines.map((row) => [...(row[column] ?? "")].length)),
  );
  return lines.map((row) =>
    row
      .map((cell, column) =>
        column === row.length - 1
          ? cell
          : cell + " ".repeat((widths[column] ?? 0) - [...cell].length),
      )
      .join("  ")
      .trimEnd(),
  );
}

/** Replaces control characters (ESC, newlines, bidi overrides…) with U+FFFD. */
export function printable(text: string): string {
  return text.replace(/[\p{Cc}\p{Cf}]/gu, "\uFFFD");
}

/** `2025-03-01 14:05` in UTC, from an ISO timestamp. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toISOString().slice(0, 16).replace("T", " ");
}
