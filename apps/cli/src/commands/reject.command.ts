import { reasonSchema } from "@booking/contracts";
import { type Command, UsageError } from "../command.ts";
import { printChangedBooking } from "./booking-changed.ts";
import { idOperand } from "./option-values.ts";

export const rejectCommand: Command = {
  name: "reject",
  synopsis: 'reject <id> --reason "<text>"',
  summary: "reject a pending booking, telling the booker why (admins)",
  options: ["reason"],
  async run(context) {
    const id = idOperand(context.operands, "booking", "see `booking bookings --status pending`");
    const { options } = context;
    if (!options.reason?.trim()) throw new UsageError("--reason is required: tell the booker why.");
    const reason = reasonSchema.safeParse(options.reason);
    if (!reason.success) {
      throw new UsageError(`--reason: ${reason.error.issues[0]?.message ?? "invalid"}.`);
    }
    const client = await context.authenticated();
    const { booking } = await client.bookings.reject.mutate({ id, reason: reason.data });
    return printChangedBooking(client, booking, "Rejected", context);
  },
};
