/** An instant as the caller has it: a UTC ISO string, epoch milliseconds or a Date. */
export type InstantInput = string | number | Date;

/**
 * A period during which a resource is taken: one per resource of a `held`, `pending` or
 * `confirmed` booking, buffers included (the rows of the reservations projection). The
 * caller chooses which bookings block; the functions here only read the periods.
 */
export interface BlockingReservation {
  resourceId: string;
  /** Inclusive. */
  start: InstantInput;
  /** Exclusive. */
  end: InstantInput;
}

/** [start, end) as epoch milliseconds, the form the inner loops work on. */
export interface EpochPeriod {
  start: number;
  end: number;
}

/** [start, end) as UTC ISO strings, the form of the public contract. */
export interface InstantPeriod {
  start: string;
  end: string;
}

export function toEpochMs(instant: InstantInput): number {
  if (typeof instant === "number") return instant;
  if (typeof instant === "string") return parseIsoInstant(instant);
  return instant.getTime();
}

const DIGIT_0 = 48;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Date.parse costs about as much as the rest of a stay availability query when thousands of
 * reservations come in as strings, so the canonical `toISOString()` form
 * ("2027-06-10T13:00:00.000Z") is read digit by digit; anything else goes to Date.parse.
 */
function parseIsoInstant(text: string): number {
  if (text.length !== 24 || text.charCodeAt(10) !== 84 || text.charCodeAt(23) !== 90) {
    return Date.parse(text);
  }
  const field = (from: number, to: number): number => {
    let value = 0;
    for (let i = from; i < to; i++) {
      const digit = text.charCodeAt(i) - DIGIT_0;
      if (digit < 0 || digit > 9) return Number.NaN;
      value = value * 10 + digit;
    }
    return value;
  };
  const month = field(5, 7);
  const day = field(8, 10);
  const hour = field(11, 13);
  const minute = field(14, 16);
  const second = field(17, 19);
  // Out-of-range fields would roll over in Date.UTC (Feb 30 → Mar 2): Date.parse judges those.
  const plausible =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= (DAYS_IN_MONTH[month - 1] ?? 0) &&
    !(month === 2 && day === 29) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  if (!plausible) return Date.parse(text);
  return Date.UTC(field(0, 4), month - 1, day, hour, minute, second, field(20, 23));
}

export function toInstantPeriod(period: EpochPeriod): InstantPeriod {
  return {
    start: new Date(period.start).toISOString(),
    end: new Date(period.end).toISOString(),
  };
}
