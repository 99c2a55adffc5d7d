import {
  createQueryId,
  type DatabaseConnection,
  DeleteQueryNode,
  type Driver,
  InsertQueryNode,
  Kysely,
  type OperationNode,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type RawBuilder,
  SelectQueryNode,
  sql,
  UpdateQueryNode,
} from "kysely";

/** The CTE of the append statement every write draws its rows from (append-statements.ts). */
export const APPENDED = "appended";

/**
 * The one row `appended` holds once every event of the stream is in. Versions are bigint in
 * SQL; use them in expressions, not as JavaScript numbers.
 */
export interface AppendedRow {
  stream_id: string;
  first_version: number;
  last_version: number;
}

export interface AppendedTables {
  appended: AppendedRow;
}

/** A Kysely that only builds writes (executing refuses): the application's tables plus `appended`. */
export type WriteBuilder<DB = unknown> = Kysely<DB & AppendedTables>;

/**
 * A Kysely `insertInto`, `updateTable` or `deleteFrom` query, of any Kysely instance (its
 * plugins apply), whose rows come from `appended`:
 * - `insertInto(t).columns([...]).expression(db.selectFrom("appended").select([...]))`;
 * - `updateTable(t).from("appended").set(...).where(...)`;
 * - `deleteFrom(t).using("appended").where(...)`;
 * (a join with `appended` counts too). Values are Kysely parameters (`sql.val`, `eb.val`, or
 * plain values where the builder takes them), numbered by Kysely when the store compiles the
 * whole statement.
 */
export interface PlannedQuery {
  toOperationNode(): WriteNode;
}

/**
 * A write the store composes into the append statement, as a data-modifying CTE: a query
 * built per append (PlannedQuery), or one defined once (defineWrite) bound to the append's
 * values, which costs no building or compiling per append. Either way it draws its rows
 * from `appended`, so it happens after the stream lock and the events, never instead of
 * them, and the statement text does not depend on the values.
 *
 * Like every CTE of one statement, a write sees the database as it was before the
 * statement (not the events, not the other writes) and must not change a row another write
 * of the same append changes.
 */
export type PlannedWrite = PlannedQuery | BoundWrite;

export type WriteNode = InsertQueryNode | UpdateQueryNode | DeleteQueryNode;

/** A write defined once: its checked query, whose values are Slots. */
export interface WriteTemplate {
  /** Names the template in the key of the statements composed of it. */
  readonly id: number;
  readonly node: WriteNode;
  readonly target: string | undefined;
  /** The keys it takes values for, each once. */
  readonly keys: readonly PropertyKey[];
  /** How many parameters of its query are Slots: one instance's share of a composed statement. */
  readonly slotCount: number;
}

/** Stands for a defined write's value in its query; the same object wherever the key is used. */
export class Slot {
  readonly template: WriteTemplate;
  readonly key: PropertyKey;

  constructor(template: WriteTemplate, key: PropertyKey) {
    this.template = template;
    this.key = key;
  }
}

/** A defined write with the values of one append. */
export class BoundWrite {
  readonly template: WriteTemplate;
  readonly values: unknown;

  constructor(template: WriteTemplate, values: unknown) {
    this.template = template;
    this.values = values;
  }
}

/** A write that passed the guards, and the table it writes (to tell whose write failed). */
export interface CheckedWrite {
  node: WriteNode;
  target: string | undefined;
  /** Set for a defined write: where its Slots take their values from. */
  bound: BoundWrite | undefined;
}

/**
 * The guards, on the query's operation-node tree: one INSERT, UPDATE or DELETE, drawing its
 * rows from `appended` in its FROM, USING or a join. A write that does not could run even
 * when the append is refused, and before the stream lock. Parameters need no check: Kysely
 * emits one per value when it compiles the statement.
 */
export function checkWrite(write: PlannedWrite): CheckedWrite {
  if (write instanceof BoundWrite) return checkBound(write);
  if (typeof write?.toOperationNode !== "function") {
    throw new Error(`A planned write is a Kysely query or a defined write (got ${typeof write})`);
  }
  const node: OperationNode = write.toOperationNode();
  return { node: node as WriteNode, target: writeTarget(node), bound: undefined };
}

function checkBound(write: BoundWrite): CheckedWrite {
  const { template, values } = write;
  if (typeof values !== "object" || values === null) {
    throw new Error("A defined write takes its values as an object (or an array)");
  }
  for (const key of template.keys) {
    if (!(key in values)) throw new Error(`A defined write has no value for "${String(key)}"`);
  }
  return { node: template.node, target: template.target, bound: write };
}

/** The table a write writes, once it passed the guards (which throw otherwise). */
function writeTarget(node: OperationNode): string | undefined {
  if (InsertQueryNode.is(node)) {
    if (!isSelect(node.values) || !selectDrawsFromAppended(node.values)) {
      throw new Error(
        `A planned insert must take its rows from a select on "${APPENDED}": ` +
          `insertInto(t).columns([...]).expression(db.selectFrom("${APPENDED}").select([...]))`,
      );
    }
    return tableName(node.into);
  }
  if (UpdateQueryNode.is(node)) {
    if (!readsAppended(node.from?.froms, node.joins)) {
      throw new Error(
        `A planned update must read from "${APPENDED}": updateTable(t).from("${APPENDED}")`,
      );
    }
    return tableName(node.table);
  }
  if (DeleteQueryNode.is(node)) {
    if (!readsAppended(node.using?.tables, node.joins)) {
      throw new Error(
        `A planned delete must use "${APPENDED}": deleteFrom(t).using("${APPENDED}")`,
      );
    }
    return tableName(node.from.froms[0]);
  }
  throw new Error(
    `A planned write is one Kysely insertInto, updateTable or deleteFrom query (got ${node.kind})`,
  );
}

function isSelect(node: OperationNode | undefined): node is SelectQueryNode {
  return node !== undefined && SelectQueryNode.is(node);
}

/** Every branch of a UNION/INTERSECT/EXCEPT too: a branch without `appended` yields rows alone. */
function selectDrawsFromAppended(select: SelectQueryNode): boolean {
  if (!readsAppended(select.from?.froms, select.joins)) return false;
  return (select.setOperations ?? []).every(
    ({ expression }) => isSelect(expression) && selectDrawsFromAppended(expression),
  );
}

function readsAppended(
  items: readonly OperationNode[] | undefined,
  joins: readonly { table: OperationNode }[] | undefined,
): boolean {
  return (
    (items ?? []).some(isAppendedTable) || (joins ?? []).some((join) => isAppendedTable(join.table))
  );
}

interface TableNodeLike {
  kind: "TableNode";
  table: { schema?: { name: string }; identifier: { name: string } };
}

function asTable(node: OperationNode | undefined): TableNodeLike | undefined {
  const inner =
    node?.kind === "AliasNode" ? (node as unknown as { node: OperationNode }).node : node;
  return inner?.kind === "TableNode" ? (inner as unknown as TableNodeLike) : undefined;
}

/** `appended` or `appended AS a`; a schema-qualified name is another table. */
function isAppendedTable(node: OperationNode): boolean {
  const table = asTable(node)?.table;
  return table !== undefined && table.schema === undefined && table.identifier.name === APPENDED;
}

/** The unqualified name PostgreSQL reports in an error's `table` field. */
function tableName(node: OperationNode | undefined): string | undefined {
  return asTable(node)?.table.identifier.name;
}

/** Executing through the builder would silently do nothing with a dummy driver: refuse it. */
class BuildOnlyDriver implements Driver {
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    throw new Error(
      "This Kysely only builds planned writes: return them from plan() or pass them in " +
        "alsoWrite, and the event store runs them with the events",
    );
  }
  async beginTransaction() {}
  async commitTransaction() {}
  async rollbackTransaction() {}
  async releaseConnection() {}
  async destroy() {}
}

const builder = new Kysely<AppendedTables>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new BuildOnlyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

/**
 * The builder for planned writes and `alsoWrite`: PostgreSQL syntax, `appended` as a table,
 * `DB` the tables written (a type only; the store knows none of them).
 */
export function writeBuilder<DB = unknown>(): WriteBuilder<DB> {
  return builder as unknown as WriteBuilder<DB>;
}

const templateCompiler = new PostgresQueryCompiler();
let templateCount = 0;
const QUERY_ID = createQueryId();

/**
 * Defines a write once (say, at module load) and returns a function that binds it to one
 * append's values. `build` gets the write builder and `value(key)`, which stands for
 * `values[key]` in the query (a Kysely parameter); other values in it are constants. The
 * guards run here, so a write that does not draw from `appended` fails at definition.
 *
 * Why: a query built per append costs its building and compiling every time (tens of µs
 * for a dozen columns); a defined write costs neither, and the statements composed of
 * defined writes are compiled once per combination.
 */
export function defineWrite<DB = unknown, V = Record<string, unknown>>(
  build: (
    db: WriteBuilder<DB>,
    value: <K extends keyof V>(key: K) => RawBuilder<V[K]>,
  ) => PlannedQuery,
): (values: V) => PlannedWrite {
  const slots = new Map<PropertyKey, Slot>();
  const template: { -readonly [K in keyof WriteTemplate]: WriteTemplate[K] } = {
    id: ++templateCount,
    node: undefined as unknown as WriteNode,
    target: undefined,
    keys: [],
    slotCount: 0,
  };
  const value = <K extends keyof V>(key: K) => {
    let slot = slots.get(key);
    if (!slot) {
      slot = new Slot(template, key);
      slots.set(key, slot);
    }
    return sql.val(slot) as unknown as RawBuilder<V[K]>;
  };
  const checked = checkWrite(build(writeBuilder<DB>(), value));
  const { parameters } = templateCompiler.compileQuery(checked.node, QUERY_ID);
  template.node = checked.node;
  template.target = checked.target;
  template.keys = [...slots.keys()];
  template.slotCount = parameters.filter((parameter) => parameter instanceof Slot).length;
  const frozen: WriteTemplate = Object.freeze(template);
  return (values) => new BoundWrite(frozen, values);
}
