/**
 * A notification as it goes to the transport: the whole RFC 5322 message, composed once and
 * stored with the notification, so that every retry hands over the very same bytes.
 */
export interface ComposedMessage {
  /** `<…@host>`: the notification's stable Message-ID, also in `raw`'s headers. */
  messageId: string;
  /** The SMTP envelope (the transport needs no header parsing). */
  envelope: { from: string; to: string };
  /** Headers and body with CRLF line ends. */
  raw: string;
}
