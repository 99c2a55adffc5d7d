/**
 * The choices for a venue's time zone and currency: what this browser's Intl knows, as the
 * api's schema checks the same with its own Intl. The current value stays choosable even if
 * this browser does not list it (UTC is missing from some lists).
 */
export function timeZoneOptions(current: string): { value: string; label: string }[] {
  const zones = new Set(Intl.supportedValuesOf("timeZone"));
  zones.add(current);
  zones.add("UTC");
  return [...zones].sort().map((zone) => ({ value: zone, label: zone.replaceAll("_", " ") }));
}

export function currencyOptions(current: string, locale: string) {
  const names = new Intl.DisplayNames([locale], { type: "currency" });
  const codes = new Set(Intl.supportedValuesOf("currency"));
  codes.add(current);
  return [...codes].sort().map((code) => ({ value: code, label: `${code} – ${names.of(code)}` }));
}

/** The browser's own time zone: where a new venue most likely is. */
export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}
