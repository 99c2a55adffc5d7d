/** A failed hand-off. `permanent`: the same message would be refused again (SMTP 5xx). */
export class MailDeliveryError extends Error {
  override name = "MailDeliveryError";
  readonly permanent: boolean;

  constructor(message: string, options: { permanent: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    this.permanent = options.permanent;
  }
}
