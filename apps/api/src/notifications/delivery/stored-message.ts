import addressparser from "nodemailer/lib/addressparser";
import type { ComposedMessage } from "./composed-message.ts";

/**
 * The text to store for a composed message: every line end CRLF and a final CRLF, which is
 * what SMTP puts on the wire anyway, so the stored text, the file sink's file and the bytes
 * an SMTP server receives are one and the same.
 */
export function storableRaw(raw: string): string {
  const crlf = raw.replace(/\r\n|\r|\n/g, "\r\n");
  return crlf.endsWith("\r\n") ? crlf : `${crlf}\r\n`;
}

/** Refuses a composed message that would break the retry's promise of the same mail. */
export function checkComposed(composed: ComposedMessage, messageId: string): void {
  if (composed.messageId !== messageId)
    throw new Error(`the composer gave Message-ID ${composed.messageId}, not ${messageId}`);
  const header = headerValues(composed.raw, "message-id")[0];
  if (header?.trim() !== messageId)
    throw new Error(`the composed message's Message-ID header is not ${messageId}`);
}

/**
 * The message as the transport gets it, rebuilt from the stored row for every hand-off, the
 * first included (see composed-message.ts).
 */
export function storedMessage(row: {
  message_id: string;
  recipient: string;
  message: string;
}): ComposedMessage {
  return {
    messageId: row.message_id,
    envelope: { from: envelopeSenderOf(row.message), to: row.recipient },
    raw: row.message,
  };
}

function envelopeSenderOf(raw: string): string {
  for (const name of ["sender", "from"]) {
    for (const value of headerValues(raw, name)) {
      const mailbox = addressparser(value, { flatten: true }).find((entry) => entry.address);
      if (mailbox) return mailbox.address;
    }
  }
  throw new Error("the stored message has no From address");
}

/** The unfolded values of a header field (the header block ends at the first empty line). */
function headerValues(raw: string, name: string): string[] {
  const end = raw.search(/\r?\n\r?\n/);
  const block = (end === -1 ? raw : raw.slice(0, end)).replace(/\r?\n([ \t])/g, "$1");
  const values: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === name)
      values.push(line.slice(colon + 1).trim());
  }
  return values;
}
