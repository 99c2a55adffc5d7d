import type { DetailRow, MailBlock, MailDocument } from "./mail-document.ts";

/**
 * The plain-text part: paragraphs apart, details as aligned "label: value" lines, quotes
 * marked with "> ", links on a line of their own so that every mail program makes them
 * clickable. Lines end in "\n" (the MIME layer writes CRLF).
 */
export function renderText(document: MailDocument): string {
  const sections = [
    document.greeting,
    ...document.blocks.map(renderBlock),
    document.signature.join("\n"),
    // "-- " is the signature separator mail programs know: what follows is small print.
    `-- \n${document.footer}`,
  ];
  return `${sections.filter((section) => section !== "").join("\n\n")}\n`;
}

function renderBlock(block: MailBlock): string {
  switch (block.type) {
    case "paragraph":
      return block.text;
    case "details":
      return renderDetails(block.rows);
    case "quote":
      return `${block.label}:\n${block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`.trimEnd())
        .join("\n")}`;
    case "action":
      return `${block.label}:\n${block.url}`;
  }
}

function renderDetails(rows: readonly DetailRow[]): string {
  const width = Math.max(...rows.map((row) => row.label.length)) + 2;
  return rows
    .map((row) => {
      const [first = "", ...rest] = row.value.split(/\r?\n/);
      const indent = " ".repeat(width);
      return [`${`${row.label}:`.padEnd(width)}${first}`, ...rest.map((line) => indent + line)]
        .map((line) => line.trimEnd())
        .join("\n");
    })
    .join("\n");
}
