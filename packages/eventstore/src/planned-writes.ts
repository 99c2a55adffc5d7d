import type { PlannedWrite } from "./inline-projection.ts";

/** The CTE every planned write reads its rows from (append-statements.ts). */
export const APPENDED = "appended";

/** A write's text cut at its parameters: text[0], $params[0], text[1], … */
interface ScannedWrite {
  pieces: string[];
  params: number[];
  /** The highest parameter number used, and how many distinct ones. */
  maxParam: number;
  distinctParams: number;
}

/** Texts repeat (values are parameters): scan each once, up to a bound. */
const scanned = new Map<string, ScannedWrite>();
const SCAN_CACHE_LIMIT = 500;

/**
 * Checks a planned write and renumbers its parameters to start after `offset`. Refuses a
 * write that does not read from `appended` (it could run even when the append is refused,
 * and before the stream lock), that holds more than one statement, or whose parameters do
 * not match its values one to one (a stray `$n` would read another write's value).
 */
export function renumberWrite(write: PlannedWrite, offset: number): string {
  const scan = scanWrite(write.text);
  if (scan.maxParam !== write.values.length || scan.distinctParams !== write.values.length) {
    throw new Error(
      `A planned write uses parameters up to $${scan.maxParam} (${scan.distinctParams} distinct) ` +
        `but has ${write.values.length} values: use each of $1..$${write.values.length}`,
    );
  }
  let text = scan.pieces[0] as string;
  for (let i = 0; i < scan.params.length; i++) {
    text += `$${(scan.params[i] as number) + offset}${scan.pieces[i + 1]}`;
  }
  return text;
}

function scanWrite(text: string): ScannedWrite {
  const cached = scanned.get(text);
  if (cached) return cached;
  const scan = scanSql(text);
  if (scan.semicolon) throw new Error("A planned write is one statement, without ';'");
  if (!scan.readsAppended) {
    throw new Error(
      `A planned write must draw its rows from "${APPENDED}" (FROM/JOIN/USING ${APPENDED}), ` +
        "so that it happens only when the events are appended",
    );
  }
  const pieces: string[] = [];
  let from = 0;
  for (const { start, end } of scan.params) {
    pieces.push(text.slice(from, start));
    from = end;
  }
  pieces.push(text.slice(from));
  const numbers = scan.params.map((param) => param.number);
  const result: ScannedWrite = {
    pieces,
    params: numbers,
    maxParam: Math.max(0, ...numbers),
    distinctParams: new Set(numbers).size,
  };
  if (scanned.size < SCAN_CACHE_LIMIT) scanned.set(text, result);
  return result;
}

/** Words after which `appended` is a relation the statement reads rows from. */
const READS_FROM = new Set(["from", "join", "using", ","]);

interface SqlScan {
  params: { start: number; end: number; number: number }[];
  readsAppended: boolean;
  semicolon: boolean;
}

/**
 * A PostgreSQL lexer just precise enough to find parameters, `;` and the relation
 * `appended` outside comments, string constants (also E'' and dollar-quoted) and quoted
 * identifiers.
 */
export function scanSql(text: string): SqlScan {
  const params: SqlScan["params"] = [];
  let readsAppended = false;
  let semicolon = false;
  let previous = "";
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === "-" && next === "-") {
      const end = text.indexOf("\n", i);
      i = end < 0 ? n : end + 1;
    } else if (c === "/" && next === "*") {
      let depth = 1;
      i += 2;
      while (i < n && depth > 0) {
        if (text.startsWith("/*", i)) {
          depth++;
          i += 2;
        } else if (text.startsWith("*/", i)) {
          depth--;
          i += 2;
        } else i++;
      }
      if (depth > 0) throw new Error("Unterminated comment in a planned write");
    } else if (c === "'") {
      i = skipQuoted(text, i, "'", previous === "e" && isJustAfterWord(text, i));
      previous = "'";
    } else if (c === '"') {
      const end = skipQuoted(text, i, '"', false);
      const name = text.slice(i + 1, end - 1).replaceAll('""', '"');
      if (name === APPENDED && READS_FROM.has(previous)) readsAppended = true;
      previous = `"${name}"`;
      i = end;
    } else if (c === "$" && next !== undefined && /[0-9]/.test(next)) {
      let end = i + 1;
      while (end < n && /[0-9]/.test(text[end] as string)) end++;
      params.push({ start: i, end, number: Number(text.slice(i + 1, end)) });
      previous = "$";
      i = end;
    } else if (c === "$") {
      const tag = /^\$([A-Za-z_\u0080-\uffff][A-Za-z0-9_\u0080-\uffff]*)?\$/.exec(text.slice(i));
      if (!tag) throw new Error("Unexpected '$' in a planned write");
      const close = text.indexOf(tag[0], i + tag[0].length);
      if (close < 0) throw new Error("Unterminated dollar-quoted string in a planned write");
      i = close + tag[0].length;
      previous = "'";
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      let end = i + 1;
      while (end < n && /[A-Za-z0-9_$\u0080-\uffff]/.test(text[end] as string)) end++;
      const word = text.slice(i, end).toLowerCase();
      if (word === APPENDED && READS_FROM.has(previous)) readsAppended = true;
      previous = word;
      i = end;
    } else if (/[0-9]/.test(c)) {
      let end = i + 1;
      while (end < n && /[0-9A-Za-z_.]/.test(text[end] as string)) end++;
      previous = "0";
      i = end;
    } else {
      if (c === ";") semicolon = true;
      previous = c;
      i++;
    }
  }
  return { params, readsAppended, semicolon };
}

function isJustAfterWord(text: string, quote: number): boolean {
  return quote > 0 && /[eE]/.test(text[quote - 1] as string);
}

/** The index after the closing quote; `''` (or `""`) is an escaped quote, `\` escapes in E''. */
function skipQuoted(text: string, start: number, quote: string, backslashes: boolean): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (backslashes && c === "\\") {
      i += 2;
    } else if (c === quote) {
      if (text[i + 1] === quote) i += 2;
      else return i + 1;
    } else i++;
  }
  throw new Error("Unterminated quoted text in a planned write");
}
