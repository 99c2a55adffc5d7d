import nodemailer, { type NodemailerError } from "nodemailer";
import type { Logger } from "../../observability/logger.ts";
import { MailDeliveryError } from "./mail-delivery-error.ts";
import type { MailTransport } from "./mail-transport.ts";

export interface SmtpTransportOptions {
  /** The longest one hand-off may take, connecting included (default 30 s). */
  handOffTimeoutMs?: number;
}

/**
 * Hands each stored message as is (`raw`, with its envelope) to the server of `url`
 * (`smtp://` with STARTTLS when offered, or `smtps://`; `user:pass@` for AUTH; nodemailer's
 * URL parameters such as `?tls.rejectUnauthorized=false` work too). A connection per
 * message: the volume is small, and no pooled connection outlives a failure.
 */
export function createSmtpTransport(
  url: string,
  logger: Logger,
  options: SmtpTransportOptions = {},
): MailTransport {
  const handOffTimeoutMs = options.handOffTimeoutMs ?? 30_000;
  // Each wait is bounded below the whole hand-off's deadline, so a stalled server yields a
  // precise error; the deadline (an abort) catches a server that trickles its replies.
  const transporter = nodemailer.createTransport({
    url,
    connectionTimeout: Math.min(10_000, handOffTimeoutMs),
    greetingTimeout: Math.min(10_000, handOffTimeoutMs),
    dnsTimeout: Math.min(10_000, handOffTimeoutMs),
    socketTimeout: Math.min(20_000, handOffTimeoutMs),
    socketCloseTimeout: 2_000,
    logger: false,
  });
  logger.info({ smtp: serverOf(url) }, "notifications are sent through SMTP");
  return {
    name: "smtp",
    async send(message) {
      try {
        await transporter.sendMail({
          envelope: { from: message.envelope.from, to: [message.envelope.to] },
          raw: message.raw,
          signal: AbortSignal.timeout(handOffTimeoutMs),
        });
      } catch (error) {
        throw deliveryError(error, handOffTimeoutMs);
      }
    },
    async close() {
      transporter.close();
    },
  };
}

/** SMTP failures, worded for an admin reading `last_error`, and whether to retry. */
function deliveryError(error: unknown, handOffTimeoutMs: number): MailDeliveryError {
  const err = (error ?? {}) as NodemailerError;
  const detail = err.message ?? String(error);
  const temporary = (message: string) =>
    new MailDeliveryError(message, { permanent: false, cause: error });
  switch (err.code) {
    case "EAUTH":
    case "ENOAUTH":
      // A 535 is the server's "no" to our credentials, not to the message: every mail would
      // fail alike until SMTP_URL is fixed, so it is retried rather than given up on.
      return temporary(`SMTP authentication failed (check the credentials in SMTP_URL): ${detail}`);
    case "EABORT":
      return temporary(`SMTP hand-off abandoned after ${handOffTimeoutMs / 1000} s`);
    case "ETIMEDOUT":
      return temporary(`SMTP server timed out: ${detail}`);
    case "ECONNECTION":
    case "ESOCKET":
    case "EDNS":
      return temporary(`SMTP server unreachable: ${detail}`);
    case "ETLS":
    case "EREQUIRETLS":
    case "ECONFIG":
    case "EPROXY":
      return temporary(`SMTP connection could not be set up: ${detail}`);
  }
  if (err.name === "AbortError" || err.name === "TimeoutError")
    return temporary(`SMTP hand-off abandoned after ${handOffTimeoutMs / 1000} s`);
  if (typeof err.responseCode === "number") {
    const permanent = err.permanent ?? (err.responseCode >= 500 && err.responseCode !== 503);
    const at = err.command ? ` at ${err.command}` : "";
    const verdict = permanent ? "rejected the message" : "deferred the message";
    return new MailDeliveryError(`SMTP server ${verdict}${at}: ${detail}`, {
      permanent,
      cause: error,
    });
  }
  // Refused before any server was asked (an address nodemailer cannot use): same next time.
  if (err.code === "EENVELOPE")
    return new MailDeliveryError(`SMTP envelope refused: ${detail}`, {
      permanent: true,
      cause: error,
    });
  return temporary(`SMTP hand-off failed: ${detail}`);
}

function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return "(unparsable SMTP_URL)";
  }
}
