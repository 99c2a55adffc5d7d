import { projectionNameSchema } from "@booking/contracts";
import { UsageError } from "../command.ts";

/** The `<name>` operand of `projections rebuild|retry`, checked before any request. */
export function projectionNameOperand(operands: string[]): string {
  const [name, extra] = operands;
  if (name === undefined) {
    throw new UsageError("The projection's name is missing (see `booking projections`).");
  }
  if (extra !== undefined) throw new UsageError(`Unexpected argument "${extra}".`);
  if (!projectionNameSchema.safeParse(name).success) {
    throw new UsageError(`"${name}" is not a projection name (see \`booking projections\`).`);
  }
  return name;
}
