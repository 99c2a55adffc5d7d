import { type SelectQueryBuilder, sql } from "kysely";
import { decodeCursor, encodeCursor, timeAndIdCursor } from "./cursor.ts";

/** The sort key of lists in order of creation: the row's creation time, then its id. */
interface CreatedRow {
  created_at: Date;
  id: string;
}

export interface PageRequest {
  cursor?: string | undefined;
  limit: number;
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * One page of a list in order of creation (keyset paging on created_at, id): the rows after
 * the cursor's key, one more than asked for to learn whether a next page exists. Keyset,
 * not offset: a row added while someone pages neither repeats nor skips one already there.
 */
export async function pageByCreation<DB, TB extends keyof DB, Row extends CreatedRow, Item>(
  select: SelectQueryBuilder<DB, TB, Row>,
  request: PageRequest,
  order: "oldest first" | "newest first",
  toItem: (row: Row) => Item,
): Promise<Page<Item>> {
  const direction = order === "oldest first" ? "asc" : "desc";
  // Named through sql.ref: the helper serves any table with these two columns, which
  // Kysely's column names cannot say of a table it does not know.
  const createdAt = sql.ref<Date>("created_at");
  const id = sql.ref<string>("id");
  let paged = select
    .orderBy(createdAt, direction)
    .orderBy(id, direction)
    .limit(request.limit + 1);
  if (request.cursor) {
    const [afterCreatedAt, afterId] = decodeCursor(request.cursor, timeAndIdCursor);
    paged = paged.where((eb) =>
      eb(
        eb.tuple(createdAt, id),
        direction === "asc" ? ">" : "<",
        eb.tuple(
          eb.cast<Date>(eb.val(afterCreatedAt), "timestamptz"),
          eb.cast<string>(eb.val(afterId), "uuid"),
        ),
      ),
    );
  }
  const rows = await paged.execute();
  const page = rows.slice(0, request.limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor:
      rows.length > request.limit && last
        ? encodeCursor([last.created_at.toISOString(), last.id])
        : null,
  };
}
