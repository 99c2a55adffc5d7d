import type { MailLanguage } from "./mail-language.ts";

/**
 * A mail as its template writes it: plain strings in blocks, no markup. The text and HTML
 * parts are both rendered from it (render-text.ts, render-html.ts), so they say the same
 * and escaping happens in one place only.
 */
export interface MailDocument {
  language: MailLanguage;
  subject: string;
  /** "Hello Anna," */
  greeting: string;
  blocks: MailBlock[];
  /** The closing lines: "Kind regards", the venue's name; none for mails from the system. */
  signature: string[];
  /** Small print: why this mail came, and from where. */
  footer: string;
}

export type MailBlock =
  | { type: "paragraph"; text: string }
  /** Facts as label and value, e.g. "When" – "Sat 12 Dec 2026, 10:00–11:00 …". */
  | { type: "details"; rows: DetailRow[] }
  /** Someone's own words, shown apart: a reason, the booker's notes. */
  | { type: "quote"; label: string; text: string }
  /** The one link the mail is about. */
  | { type: "action"; label: string; url: string };

export interface DetailRow {
  label: string;
  value: string;
}

export const paragraph = (text: string): MailBlock => ({ type: "paragraph", text });
