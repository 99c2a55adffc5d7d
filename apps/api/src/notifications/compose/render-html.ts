import type { DetailRow, MailBlock, MailDocument } from "./mail-document.ts";

/**
 * The HTML part: one narrow column with inline styles (mail programs drop style sheets),
 * readable on a phone. Every string of the document is escaped here and nowhere else, so a
 * name like `<b>O'Brien & Co</b>` shows as written and cannot add markup.
 */
export function renderHtml(document: MailDocument): string {
  const body = [
    `<p style="${styles.paragraph}">${text(document.greeting)}</p>`,
    ...document.blocks.map(renderBlock),
    ...(document.signature.length > 0
      ? [`<p style="${styles.paragraph}">${document.signature.map(text).join("<br>")}</p>`]
      : []),
    `<p style="${styles.footer}">${text(document.footer)}</p>`,
  ];
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(document.language)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(document.subject)}</title>`,
    "</head>",
    `<body style="${styles.body}">`,
    `<div style="${styles.column}">`,
    ...body,
    "</div>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

function renderBlock(block: MailBlock): string {
  switch (block.type) {
    case "paragraph":
      return `<p style="${styles.paragraph}">${text(block.text)}</p>`;
    case "details":
      return renderDetails(block.rows);
    case "quote":
      return [
        `<p style="${styles.quoteLabel}">${text(block.label)}</p>`,
        `<blockquote style="${styles.quote}">${text(block.text)}</blockquote>`,
      ].join("\n");
    case "action": {
      const href = escapeHtml(block.url);
      return [
        `<p style="${styles.action}"><a href="${href}" style="${styles.button}">${text(block.label)}</a></p>`,
        // The address itself too: some programs show no buttons, and people copy links.
        `<p style="${styles.link}"><a href="${href}" style="${styles.linkText}">${href}</a></p>`,
      ].join("\n");
    }
  }
}

function renderDetails(rows: readonly DetailRow[]): string {
  const cells = rows.map(
    (row) =>
      `<tr><th scope="row" style="${styles.label}">${text(row.label)}</th>` +
      `<td style="${styles.value}">${text(row.value)}</td></tr>`,
  );
  return `<table role="presentation" style="${styles.table}">\n${cells.join("\n")}\n</table>`;
}

/** Escaped, with the writer's line breaks kept. */
function text(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, "<br>");
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => entities[char] ?? char);
}

const entities: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

const font =
  "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

const styles = {
  body: "margin:0;padding:0;background:#f4f5f7",
  column: `max-width:560px;margin:0 auto;padding:24px 16px;background:#ffffff;color:#1f2933;${font};font-size:16px;line-height:1.5`,
  paragraph: "margin:0 0 16px",
  table: "width:100%;border-collapse:collapse;margin:0 0 16px",
  label:
    "text-align:left;vertical-align:top;padding:6px 12px 6px 0;color:#52606d;font-weight:600;white-space:nowrap",
  value: "vertical-align:top;padding:6px 0;overflow-wrap:anywhere",
  quoteLabel: "margin:0 0 4px;color:#52606d;font-weight:600",
  quote:
    "margin:0 0 16px;padding:8px 12px;border-left:4px solid #cbd2d9;background:#f5f7fa;overflow-wrap:anywhere",
  action: "margin:24px 0 8px",
  button:
    "display:inline-block;padding:12px 20px;border-radius:6px;background:#1f5fbf;color:#ffffff;text-decoration:none;font-weight:600",
  link: "margin:0 0 24px;font-size:13px;color:#52606d;overflow-wrap:anywhere",
  linkText: "color:#52606d",
  footer:
    "margin:32px 0 0;padding-top:16px;border-top:1px solid #e4e7eb;font-size:13px;color:#7b8794",
} as const;
