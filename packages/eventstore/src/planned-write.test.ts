import { sql } from "kysely";
import { describe, expect, test } from "vitest";
import { appendStatement, plannedAppendStatement } from "./append-statements.ts";
import {
  checkWrite,
  defineWrite,
  type PlannedWrite,
  type WriteBuilder,
  writeBuilder,
} from "./planned-write.ts";

interface Tables {
  notes: { stream_id: string; note: string };
  counts: { stream_id: string; n: number };
  appended_rows: { stream_id: string };
}

const db = writeBuilder<Tables>();
const check = (write: unknown) => checkWrite(write as Parameters<typeof checkWrite>[0]);

describe("checkWrite accepts a write that draws its rows from appended", () => {
  test.each<[string, (db: WriteBuilder<Tables>) => unknown, string]>([
    [
      "insert … select from appended",
      (db) =>
        db
          .insertInto("notes")
          .columns(["stream_id", "note"])
          .expression(db.selectFrom("appended").select(["stream_id", sql.val("x").as("note")])),
      "notes",
    ],
    [
      "insert … select from appended under an alias, next to a function",
      (db) =>
        db
          .insertInto("notes")
          .columns(["stream_id", "note"])
          .expression(
            db
              .selectFrom(["appended as a", sql<{ n: string }>`unnest(${["x"]}::text[])`.as("n")])
              .select(["a.stream_id", "n.n"]),
          ),
      "notes",
    ],
    [
      "insert … select joining appended",
      (db) =>
        db
          .insertInto("counts")
          .columns(["stream_id", "n"])
          .expression(
            db
              .selectFrom("notes")
              .innerJoin("appended", "appended.stream_id", "notes.stream_id")
              .select(["notes.stream_id", sql.val(1).as("n")]),
          ),
      "counts",
    ],
    [
      "a union whose every branch reads appended",
      (db) =>
        db
          .insertInto("counts")
          .columns(["stream_id", "n"])
          .expression(
            db
              .selectFrom("appended")
              .select(["stream_id", sql.val(1).as("n")])
              .union(db.selectFrom("appended").select(["stream_id", sql.val(2).as("n")])),
          ),
      "counts",
    ],
    [
      "update … from appended",
      (db) =>
        db
          .updateTable("counts")
          .from("appended")
          .set((eb) => ({ n: eb("counts.n", "+", 1) }))
          .whereRef("counts.stream_id", "=", "appended.stream_id"),
      "counts",
    ],
    [
      "delete … using appended",
      (db) =>
        db
          .deleteFrom("notes")
          .using("appended")
          .whereRef("notes.stream_id", "=", "appended.stream_id"),
      "notes",
    ],
  ])("%s", (_, build, target) => {
    expect(check(build(db)).target).toBe(target);
  });
});

describe("checkWrite refuses", () => {
  test.each<[string, (db: WriteBuilder<Tables>) => unknown, RegExp]>([
    [
      "an insert of values",
      (db) => db.insertInto("notes").values({ stream_id: "x", note: "y" }),
      /select on "appended"/,
    ],
    [
      "an insert whose select reads another table",
      (db) =>
        db
          .insertInto("notes")
          .columns(["stream_id", "note"])
          .expression(
            db.selectFrom("appended_rows").select(["stream_id", sql.val("x").as("note")]),
          ),
      /select on "appended"/,
    ],
    [
      "appended only in a subquery",
      (db) =>
        db
          .insertInto("notes")
          .columns(["stream_id", "note"])
          .expression(
            db
              .selectFrom("notes")
              .select(["stream_id", "note"])
              .where("stream_id", "in", db.selectFrom("appended").select("stream_id")),
          ),
      /select on "appended"/,
    ],
    [
      "a union with a branch that does not read appended",
      (db) =>
        db
          .insertInto("notes")
          .columns(["stream_id", "note"])
          .expression(
            db
              .selectFrom("appended")
              .select(["stream_id", sql.val("x").as("note")])
              .unionAll(db.selectFrom("notes").select(["stream_id", "note"])),
          ),
      /select on "appended"/,
    ],
    [
      "a schema-qualified appended (another table)",
      (db) =>
        db
          .insertInto("notes")
          .columns(["stream_id", "note"])
          .expression(
            db
              .selectFrom(sql.table("public.appended").as("a"))
              .select([sql.val("s").as("stream_id"), sql.val("x").as("note")]),
          ),
      /select on "appended"/,
    ],
    [
      "an update that does not read appended",
      (db) => db.updateTable("counts").set({ n: 0 }),
      /update must read from "appended"/,
    ],
    [
      "a delete that does not use appended",
      (db) => db.deleteFrom("notes").where("note", "=", "x"),
      /delete must use "appended"/,
    ],
    [
      "a select",
      (db) => db.selectFrom("appended").selectAll(),
      /deleteFrom query \(got SelectQueryNode\)/,
    ],
    ["raw SQL", () => sql`INSERT INTO notes SELECT stream_id, 'x' FROM appended`, /got RawNode/],
    ["something else", () => ({ text: "INSERT …", values: [] }), /got object/],
    ["nothing", () => undefined, /got undefined/],
  ])("%s", (_, build, message) => {
    expect(() => check(build(db))).toThrow(message);
  });
});

describe("the composed statement", () => {
  const noteQuery = (note: string) =>
    db
      .insertInto("notes")
      .columns(["stream_id", "note"])
      .expression(db.selectFrom("appended").select(["stream_id", sql.val(note).as("note")]));
  const countQuery = (n: number) =>
    db
      .insertInto("counts")
      .columns(["stream_id", "n"])
      .expression(db.selectFrom("appended").select(["stream_id", sql.val(n).as("n")]))
      .onConflict((c) =>
        c
          .column("stream_id")
          .doUpdateSet((eb) => ({ n: eb("counts.n", "+", n) }))
          .where("counts.stream_id", "<>", "fixed"),
      );
  /** The same writes, defined once: `n` is used twice, "fixed" is a constant. */
  const noteWrite = defineWrite<Tables, { note: string }>((db, value) =>
    db
      .insertInto("notes")
      .columns(["stream_id", "note"])
      .expression(db.selectFrom("appended").select(["stream_id", value("note").as("note")])),
  );
  const countWrite = defineWrite<Tables, { n: number }>((db, value) =>
    db
      .insertInto("counts")
      .columns(["stream_id", "n"])
      .expression(db.selectFrom("appended").select(["stream_id", value("n").as("n")]))
      .onConflict((c) =>
        c
          .column("stream_id")
          .doUpdateSet((eb) => ({ n: eb("counts.n", "+", value("n")) }))
          .where("counts.stream_id", "<>", "fixed"),
      ),
  );

  const compose = (expected: 2 | "no_stream", writes: PlannedWrite[]) => {
    const { leading } = appendStatement("stream-1", 1, expected);
    const arrays = Array.from({ length: 9 }, (_, i) => [`array-${i}`]);
    return plannedAppendStatement(expected, [...leading, ...arrays], writes.map(check));
  };
  const numbers = (text: string) => [...text.matchAll(/\$(\d+)/g)].map((match) => Number(match[1]));

  test("has one parameter per value, numbered in order, the writes' after the append's", () => {
    const { text, values } = compose(2, [noteQuery("a note"), countQuery(7)]);
    expect(numbers(text)).toEqual(values.map((_, i) => i + 1));
    expect(values.slice(0, 3)).toEqual(["stream-1", 1, "stream-1"]);
    expect(values.slice(-4)).toEqual(["a note", 7, 7, "fixed"]);
    expect(text).toContain('eventstore_write_1 AS (insert into "notes"');
    expect(text).toContain('eventstore_write_2 AS (insert into "counts"');
    expect(text).not.toContain("a note");
  });

  test("depends on the shape, not the values, so it is prepared once", () => {
    const text = (note: string, n: number) => compose(2, [noteQuery(note), countQuery(n)]).text;
    expect(text("one", 1)).toBe(text("two", 2));
    expect(compose("no_stream", [noteQuery("one")]).text).not.toBe(
      compose(2, [noteQuery("one")]).text,
    );
  });

  test("defined writes compose to the same text and values as queries built per call", () => {
    const built = compose(2, [noteQuery("a note"), countQuery(7)]);
    const defined = compose(2, [noteWrite({ note: "a note" }), countWrite({ n: 7 })]);
    expect(defined.text).toBe(built.text);
    expect(defined.values).toEqual(built.values);
  });

  test("a defined write used more than once takes each instance's values", () => {
    const writes = [
      noteWrite({ note: "first" }),
      countWrite({ n: 1 }),
      noteWrite({ note: "second" }),
    ];
    const { text, values } = compose("no_stream", writes);
    expect(numbers(text)).toEqual(values.map((_, i) => i + 1));
    expect(values.slice(-5)).toEqual(["first", 1, 1, "fixed", "second"]);
    // Cached by shape: other values, the same text.
    const again = compose("no_stream", [
      noteWrite({ note: "third" }),
      countWrite({ n: 2 }),
      noteWrite({ note: "fourth" }),
    ]);
    expect(again.text).toBe(text);
    expect(again.values.slice(-5)).toEqual(["third", 2, 2, "fixed", "fourth"]);
  });

  test("defined writes next to queries built per call", () => {
    const { text, values } = compose(2, [noteQuery("built"), noteWrite({ note: "defined" })]);
    expect(numbers(text)).toEqual(values.map((_, i) => i + 1));
    expect(values.slice(-2)).toEqual(["built", "defined"]);
  });
});

describe("defineWrite", () => {
  test("runs the guards when the write is defined", () => {
    expect(() =>
      defineWrite<Tables, { note: string }>((db, value) =>
        db.insertInto("notes").values({ stream_id: "s", note: value("note") }),
      ),
    ).toThrow(/select on "appended"/);
  });

  test("refuses an append's values that lack one of its keys", () => {
    const write = defineWrite<Tables, { note: string }>((db, value) =>
      db
        .insertInto("notes")
        .columns(["stream_id", "note"])
        .expression(db.selectFrom("appended").select(["stream_id", value("note").as("note")])),
    );
    expect(() => check(write({} as { note: string }))).toThrow(/no value for "note"/);
  });
});

test("the builder refuses to run a query: the store runs planned writes", async () => {
  await expect(db.selectFrom("appended").selectAll().execute()).rejects.toThrow(
    /only builds planned writes/,
  );
});
