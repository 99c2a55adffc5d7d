// Node socket errors and PostgreSQL SQLSTATEs that mean "no database right now", as
// opposed to a bug: connection exceptions (class 08), shutdown and startup (57P01-57P03).
const unavailableSocketCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOENT",
  "EPIPE",
]);
const unavailableSqlStates = new Set(["57P01", "57P02", "57P03", "53300"]);
const unavailableMessages = [
  "Connection terminated",
  "timeout exceeded when trying to connect",
  "Client has encountered a connection error",
];

export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === "string") {
    if (unavailableSocketCodes.has(code) || unavailableSqlStates.has(code)) return true;
    if (code.startsWith("08")) return true;
  }
  if (unavailableMessages.some((message) => error.message.includes(message))) return true;
  return error.cause !== undefined && error.cause !== error && isDatabaseUnavailable(error.cause);
}
