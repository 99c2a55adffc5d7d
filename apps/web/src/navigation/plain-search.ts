/**
 * Search params as plain text (`?postalCode=24306`). TanStack Router's default writes
 * JSON, so a postal code that looks like a number would become `?postalCode=%2224306%22`
 * and read back as a number; every search param of this app is a string.
 */
export function parsePlainSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}

export function stringifyPlainSearch(search: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}
