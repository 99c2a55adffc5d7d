import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** What a personal field reads back as once its subject's key is deleted. */
export const ERASED = "[erased]";

export function isErased(value: unknown): boolean {
  return value === ERASED;
}

const CIPHERTEXT_PREFIX = "enc:v1:";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM; `context` is authenticated so a ciphertext cannot be moved to another subject. */
function seal(key: Buffer, plaintext: Buffer, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function open(key: Buffer, sealed: Buffer, context: string): Buffer {
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export function assertKey(key: Buffer, what: string): void {
  if (key.length !== 32) throw new Error(`${what} must be 32 bytes (AES-256), got ${key.length}`);
}

export function generateDataKey(): Buffer {
  return randomBytes(32);
}

export function wrapDataKey(masterKey: Buffer, dataKey: Buffer, subjectId: string): Buffer {
  return seal(masterKey, dataKey, `subject-key:${subjectId}`);
}

export function unwrapDataKey(masterKey: Buffer, wrapped: Buffer, subjectId: string): Buffer {
  return open(masterKey, wrapped, `subject-key:${subjectId}`);
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Returns a copy of `data` with each present field at a dotted path replaced through `map`.
 * Copies along the path only, so the caller's object is never mutated.
 */
function mapFields(
  data: unknown,
  fields: readonly string[],
  map: (value: unknown) => unknown,
): unknown {
  let result = data;
  for (const field of fields) result = mapPath(result, field.split("."), map);
  return result;
}

function mapPath(node: unknown, path: string[], map: (value: unknown) => unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined || !isObject(node) || !(head in node)) return node;
  const next = rest.length === 0 ? map(node[head]) : mapPath(node[head], rest, map);
  return { ...node, [head]: next };
}

export function encryptFields(
  data: unknown,
  fields: readonly string[],
  dataKey: Buffer,
  subjectId: string,
): unknown {
  return mapFields(data, fields, (value) => {
    const plaintext = Buffer.from(JSON.stringify(value ?? null));
    return CIPHERTEXT_PREFIX + seal(dataKey, plaintext, subjectId).toString("base64");
  });
}

/** With no key (the subject was erased) every personal field reads back as ERASED. */
export function decryptFields(
  data: unknown,
  fields: readonly string[],
  dataKey: Buffer | undefined,
  subjectId: string,
): unknown {
  return mapFields(data, fields, (value) => {
    if (typeof value !== "string" || !value.startsWith(CIPHERTEXT_PREFIX)) return value;
    if (!dataKey) return ERASED;
    const sealed = Buffer.from(value.slice(CIPHERTEXT_PREFIX.length), "base64");
    return JSON.parse(open(dataKey, sealed, subjectId).toString());
  });
}
