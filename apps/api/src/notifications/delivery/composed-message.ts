/**
 * A notification as it goes to the transport: the whole RFC 5322 message, composed once and
 * stored with the notification, so that every retry hands over the very same bytes.
 *
 * Only `raw` is stored (`notifications.message`); the delivery rebuilds the rest from the
 * row for every hand-off (stored-message.ts): `messageId` is the row's `message_id` (a
 * composed message with another one is refused), `envelope.to` the row's `recipient`, and
 * `envelope.from` the address of `raw`'s `Sender:` header, or else of its `From:` header.
 */
export interface ComposedMessage {
  /** `<…@host>`: the notification's stable Message-ID, also in `raw`'s headers. */
  messageId: string;
  /** The SMTP envelope (the transport needs no header parsing). */
  envelope: { from: string; to: string };
  /**
   * Headers and body with CRLF line ends (other line ends are turned into CRLF before the
   * message is stored, so the stored text is exactly what goes over the wire).
   */
  raw: string;
}

/**
 * Whether a composer's error means the notification can never become a mail (the sender
 * then gives it up at once instead of retrying): an error with `permanent: true`, or the
 * composer's `NotificationNotComposableError`.
 */
export function isPermanentCompositionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    (error as Error & { permanent?: unknown }).permanent === true ||
    error.name === "NotificationNotComposableError"
  );
}
