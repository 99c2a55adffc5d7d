import { join } from "node:path";
import type { Config } from "../../config/config.ts";
import type { Logger } from "../../observability/logger.ts";
import type { ComposedMessage } from "./composed-message.ts";
import { createFileTransport } from "./file-transport.ts";
import { createSmtpTransport } from "./smtp-transport.ts";

/** Where a composed message leaves the system: an SMTP server, or files (no SMTP_URL). */
export interface MailTransport {
  /** `smtp` or `file`: the `transport` label of the metrics. */
  readonly name: string;
  /**
   * Resolves once the message was accepted (by the SMTP server, or durably written).
   * Rejects with a `MailDeliveryError` (mail-delivery-error.ts) saying whether a retry can
   * succeed; anything else thrown counts as temporary.
   */
  send(message: ComposedMessage): Promise<void>;
  close(): Promise<void>;
}

/** SMTP_URL set: SMTP; unset: `.eml` files in `<BOOKING_DATA_DIR>/outbox/`. */
export function createMailTransport(
  config: Pick<Config, "smtpUrl" | "dataDir">,
  logger: Logger,
): MailTransport {
  if (config.smtpUrl) return createSmtpTransport(config.smtpUrl, logger);
  return createFileTransport(join(config.dataDir, "outbox"), logger);
}
