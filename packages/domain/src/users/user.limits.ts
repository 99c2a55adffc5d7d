/**
 * Field limits of the public contract (docs/api.md), enforced here for every caller. The
 * contracts package states the same limits for the api's schemas (the packages do not import
 * each other); the api's tests hold the two sides equal.
 */
export const USER_NAME_MAX_LENGTH = 200;
/** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
export const USER_EMAIL_MAX_LENGTH = 254;
/** E.164 numbers have at most 15 digits; the rest leaves room for spacing and punctuation. */
export const USER_PHONE_MAX_LENGTH = 40;
/** Free text: booking notes, reasons (rejections, cancellations), text answers. */
export const TEXT_MAX_LENGTH = 2000;
