import { idSchema } from "@booking/contracts";
import { UsageError } from "../command.ts";

/** The part of a zod schema this file needs; the CLI does not depend on zod itself. */
interface Checkable<T> {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: T }
    | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

/**
 * Checks what the command line gave against the contract's own schema before any request,
 * so a typo is exit 2 naming the option (`flags` maps a field to its option or operand).
 */
export function checkedInput<T>(
  schema: Checkable<T>,
  input: Record<string, unknown>,
  flags: Record<string, string>,
): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const field = String(issue?.path[0] ?? "");
  const given = input[field];
  const shown = Array.isArray(given) ? given.join(", ") : given;
  const got = shown === undefined ? "" : `; got "${String(shown)}"`;
  throw new UsageError(`${flags[field] ?? field}: ${issue?.message ?? "is invalid"}${got}.`);
}

/** `--limit`: 1–200, default 50, as every list of the API. */
export function parseLimit(limit: string | undefined): number {
  if (limit === undefined) return 50;
  const value = Number(limit);
  if (/^\d+$/.test(limit) && value >= 1 && value <= 200) return value;
  throw new UsageError(`--limit must be a whole number from 1 to 200; got "${limit}".`);
}

/** A whole number option such as `--guests`, undefined when absent. */
export function parseWholeNumber(
  flag: string,
  value: string | undefined,
  range: { min: number; max: number },
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (/^\d+$/.test(value) && number >= range.min && number <= range.max) return number;
  throw new UsageError(
    `${flag} must be a whole number from ${range.min} to ${range.max}; got "${value}".`,
  );
}

/** The single `<id>` operand of a command, checked before any request. */
export function idOperand(operands: string[], what: string, hint: string): string {
  const [id, extra] = operands;
  if (id === undefined) throw new UsageError(`The ${what}'s id is missing (${hint}).`);
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
  if (!idSchema.safeParse(id).success)
    throw new UsageError(`"${id}" is not a ${what} id (a UUID).`);
  return id;
}

/** For commands without operands. */
export function noOperands(operands: string[]): void {
  if (operands.length > 0) throw new UsageError(`Unexpected argument "${operands[0]}".`);
}

/** An option that takes one of the contract's values, such as `--status`; undefined when absent. */
export function parseChoice<T extends string>(
  flag: string,
  value: string | undefined,
  choices: { options: readonly T[] },
): T | undefined {
  if (value === undefined) return undefined;
  const found = choices.options.find((choice) => choice === value);
  if (found !== undefined) return found;
  throw new UsageError(`${flag} must be one of ${choices.options.join(", ")}; got "${value}".`);
}
