import { idSchema } from "@booking/contracts";
import { UsageError } from "../command.ts";

/** The single `<id>` operand of `users approve|reject`, checked before any request. */
export function userIdOperand(operands: string[]): string {
  const [id, extra] = operands;
  if (id === undefined)
    throw new UsageError("The user's id is missing (see `booking users list`).");
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
  if (!idSchema.safeParse(id).success) throw new UsageError(`"${id}" is not a user id (a UUID).`);
  return id;
}
