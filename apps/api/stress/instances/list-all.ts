import type { HttpClient } from "../../bench/http-load.ts";

/** Every item of a paginated list (`{items, nextCursor}`), 200 at a time. */
export async function listAll<T>(client: HttpClient, path: string, token: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes("?") ? "&" : "?";
    const page: { items: T[]; nextCursor: string | null } = await client.json(
      "GET",
      `${path}${separator}limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      200,
      { token },
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
