/**
 * The key a new question's answers are stored under, made from its label: "Kennzeichen des
 * Autos" → "kennzeichenDesAutos". Keys of saved questions never change, since the answers of
 * earlier bookings are stored under them.
 */
export function questionKey(label: string, taken: ReadonlySet<string>): string {
  const words = label
    .normalize("NFKD")
    .replace(/ß/g, "ss")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
  const joined = words
    .map((word, index) => (index === 0 ? word : word.charAt(0).toUpperCase() + word.slice(1)))
    .join("");
  const base = (/^[a-z]/.test(joined) ? joined : `q${joined}`).slice(0, 45);
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
