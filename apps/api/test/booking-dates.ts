/** The local date `days` from now (UTC), "YYYY-MM-DD". */
export function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

/** The next weekday 10:00 Berlin time at least `days` ahead, as an instant. */
export function weekdayAt10(days: number): string {
  let date = new Date(Date.now() + days * 86_400_000);
  while ([0, 6].includes(date.getUTCDay())) date = new Date(date.getTime() + 86_400_000);
  const day = date.toISOString().slice(0, 10);
  // 10:00 in Berlin is 08:00 or 09:00 UTC; ask the server's zone rules through Intl.
  const offset = new Intl.DateTimeFormat("en", {
    timeZone: "Europe/Berlin",
    timeZoneName: "shortOffset",
  })
    .formatToParts(new Date(`${day}T10:00:00Z`))
    .find((part) => part.type === "timeZoneName")?.value;
  const hours = Number(offset?.replace("GMT", "") || 0);
  return new Date(Date.parse(`${day}T10:00:00Z`) - hours * 3_600_000).toISOString();
}
