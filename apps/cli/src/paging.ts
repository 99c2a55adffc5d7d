export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * The first page, or every page when `all` is set, following the server's cursors.
 * `nextCursor` is where the listing stopped (null when nothing is left).
 */
export async function collectPages<Item>(
  fetchPage: (cursor: string | undefined) => Promise<Page<Item>>,
  all: boolean,
): Promise<Page<Item>> {
  const items: Item[] = [];
  let cursor: string | undefined;
  let nextCursor: string | null;
  do {
    const page = await fetchPage(cursor);
    items.push(...page.items);
    nextCursor = page.nextCursor;
    cursor = nextCursor ?? undefined;
  } while (all && cursor);
  return { items, nextCursor };
}
