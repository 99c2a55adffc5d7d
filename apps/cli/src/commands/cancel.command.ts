import { reasonSchema } from "@booking/contracts";
import { type Command, UsageError } from "../command.ts";
import { printChangedBooking } from "./booking-changed.ts";
import { idOperand } from "./option-values.ts";

export const cancelCommand: Command = {
  name: "cancel",
  synopsis: 'cancel <id> [--reason "<text>"]',
  summary: "cancel a booking",
  options: ["reason"],
  async run(context) {
    const id = idOperand(context.operands, "booking", "see `booking bookings`");
    let reason: string | undefined;
    if (context.options.reason !== undefined) {
      const parsed = reasonSchema.safeParse(context.options.reason);
      if (!parsed.success) {
        throw new UsageError(`--reason: ${parsed.error.issues[0]?.message ?? "invalid"}.`);
      }
      reason = parsed.data;
    }
    const client = await context.authenticated();
    const { booking } = await client.bookings.cancel.mutate({ id, reason });
    return printChangedBooking(client, booking, "Cancelled", context);
  },
};
