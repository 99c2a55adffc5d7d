import { z } from "zod";

/** "HH:MM" from 00:00 to 23:59; `allowEndOfDay` also accepts "24:00" (an interval's end). */
export function timeOfDaySchema(options: { allowEndOfDay?: boolean } = {}) {
  return z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, "must be a time HH:MM")
    .refine((time) => options.allowEndOfDay || time !== "24:00", "24:00 is only allowed as an end");
}

export function minutesOfDay(time: string): number {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return hours * 60 + minutes;
}

/** A real calendar date "YYYY-MM-DD" (2027-02-30 is refused). */
export const localDateSchema = z.iso.date("must be a date YYYY-MM-DD");

/** An IANA time zone this runtime knows, e.g. "Europe/Berlin". */
export const timeZoneSchema = z.string().refine(isTimeZone, "must be an IANA time zone");

/** An ISO 4217 currency code this runtime knows, e.g. "EUR". */
export const currencySchema = z
  .string()
  .regex(/^[A-Z]{3}$/, "must be an ISO 4217 currency code")
  .refine((code) => knownCurrencies().has(code), "must be an ISO 4217 currency code");

function isTimeZone(zone: string): boolean {
  if (!zone.includes("/") && zone !== "UTC") return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let currencies: Set<string> | undefined;
function knownCurrencies(): Set<string> {
  currencies ??= new Set(Intl.supportedValuesOf("currency"));
  return currencies;
}
