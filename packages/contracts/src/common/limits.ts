/**
 * Field limits of the public contract (docs/api.md). The domain enforces the same limits for
 * every other caller under its own names (the packages do not import each other); the api's
 * tests hold the two sides equal.
 */

/** Names of people, venues, offerings, resources and api tokens. */
export const NAME_MAX_LENGTH = 200;
/** RFC 5321 caps a forward path at 256 octets including the angle brackets. */
export const EMAIL_MAX_LENGTH = 254;
export const PHONE_MAX_LENGTH = 40;
/** Free text: booking notes, reasons (rejections, cancellations, closures), text answers. */
export const TEXT_MAX_LENGTH = 2000;
/** Lengths count UTF-16 code units, as zod does. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * The guests a request may name at all. The party size a venue takes is a booking rule
 * (`GUESTS`, 422), tighter than this, so a plausible number reaches the rule rather than
 * failing as malformed (400).
 */
export const GUESTS_INPUT_MIN = 1;
export const GUESTS_INPUT_MAX = 1000;
