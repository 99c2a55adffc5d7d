const zone = "Europe/Berlin";
const dayMs = 86_400_000;

/** Today's date in the venues' zone, as YYYY-MM-DD. */
export function today(): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: zone }).format(new Date());
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** The first Tuesday at least `days` ahead: a full opening day of the workshop. */
export function tuesdayAfter(date: string, days: number): string {
  let day = addDays(date, days);
  while (new Date(`${day}T00:00:00Z`).getUTCDay() !== 2) day = addDays(day, 1);
  return day;
}

/** A Berlin wall-clock time on `date` as an instant (ISO), using the zone's rules. */
export function berlinInstant(date: string, time: string): string {
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  const offset = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "shortOffset" })
    .formatToParts(new Date(asUtc))
    .find((part) => part.type === "timeZoneName")?.value;
  const hours = Number(offset?.replace("GMT", "") || 0);
  return new Date(asUtc - hours * 3_600_000).toISOString();
}
