/**
 * An auditor's scan: does a person's data survive anywhere in clear? It reads every row of
 * every table of every schema (what someone with a database dump would see, the event
 * store's tables included) and any extra places a test names, and reports each place where
 * one of the strings occurs, so a failing test names the table and column that leak.
 */

/** What the scan needs of a pool (pg.Pool, pg.Client, a PoolClient). */
export interface Queryable {
  query<R extends object = Record<string, unknown>>(
    text: string,
    values?: unknown[],
  ): Promise<{ rows: R[] }>;
}

/**
 * Somewhere else the data could be copied to (the outbox's files, a calendar feed's
 * answer, a log): its name, for the report, and its text, read when the scan runs.
 */
export interface ExtraPlace {
  name: string;
  read(): Promise<string | readonly string[]> | string | readonly string[];
}

export interface Finding {
  /** The string that was found, as given. */
  value: string;
  /** `schema.table.column`, or an extra place's name. */
  place: string;
  /** The text around the first occurrence. */
  snippet: string;
}

export interface ScanOptions {
  /** More places to look in besides the database. */
  places?: readonly ExtraPlace[];
}

/** Every place that holds one of `values` in clear (case-insensitive); empty if none. */
export async function scanForPersonalData(
  db: Queryable,
  values: readonly string[],
  options: ScanOptions = {},
): Promise<Finding[]> {
  const wanted = values.filter((value) => value.length > 0);
  const findings: Finding[] = [];
  const look = (place: string, text: string) => {
    for (const value of wanted) {
      const at = indexOfAnyForm(text, value);
      if (at) findings.push({ value, place, snippet: snippet(text, at.index, at.length) });
    }
  };
  for (const table of await everyTable(db)) {
    const { rows } = await db.query<{ row: Record<string, unknown> }>(
      `SELECT to_jsonb(t) AS row FROM ${quoted(table.schema)}.${quoted(table.name)} t`,
    );
    for (const { row } of rows) {
      for (const [column, value] of Object.entries(row)) {
        if (value === null) continue;
        look(
          `${table.schema}.${table.name}.${column}`,
          typeof value === "string" ? value : JSON.stringify(value),
        );
      }
    }
  }
  for (const place of options.places ?? []) {
    const text = await place.read();
    for (const part of typeof text === "string" ? [text] : text) look(place.name, part);
  }
  return dedupe(findings);
}

/** Every row of every table, as text: what a raw dump of the database would show. */
export async function dumpEveryTable(db: Queryable): Promise<string> {
  const dumps: string[] = [];
  for (const table of await everyTable(db)) {
    const { rows } = await db.query<{ row: string }>(
      `SELECT t::text AS row FROM ${quoted(table.schema)}.${quoted(table.name)} t`,
    );
    dumps.push(...rows.map((row) => row.row));
  }
  return dumps.join("\n");
}

async function everyTable(db: Queryable): Promise<{ schema: string; name: string }[]> {
  const { rows } = await db.query<{ schema: string; name: string }>(
    `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
     WHERE table_type = 'BASE TABLE'
       AND table_schema NOT IN ('pg_catalog', 'information_schema')
       AND table_schema NOT LIKE 'pg\\_toast%'
     ORDER BY 1, 2`,
  );
  return rows;
}

function quoted(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`;
}

/** The value as written, or as JSON escapes it (quotes, backslashes, non-ASCII). */
function indexOfAnyForm(text: string, value: string) {
  const haystack = text.toLowerCase();
  const forms = new Set([value, JSON.stringify(value).slice(1, -1), asciiJson(value)]);
  for (const form of forms) {
    const index = haystack.indexOf(form.toLowerCase());
    if (index >= 0) return { index, length: form.length };
  }
  return undefined;
}

function asciiJson(value: string): string {
  return JSON.stringify(value)
    .slice(1, -1)
    .replace(
      /[\u007f-\uffff]/g,
      (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
}

function snippet(text: string, index: number, length: number): string {
  const from = Math.max(0, index - 40);
  const to = Math.min(text.length, index + length + 40);
  return `${from > 0 ? "…" : ""}${text.slice(from, to)}${to < text.length ? "…" : ""}`;
}

/** One finding per value and place: a table with a thousand copies is one line. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.value}\u0000${finding.place}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
