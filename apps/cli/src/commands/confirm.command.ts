import type { Command } from "../command.ts";
import { printChangedBooking } from "./booking-changed.ts";
import { idOperand } from "./option-values.ts";

export const confirmCommand: Command = {
  name: "confirm",
  synopsis: "confirm <id>",
  summary: "confirm a pending booking (admins)",
  options: [],
  async run(context) {
    const id = idOperand(context.operands, "booking", "see `booking bookings --status pending`");
    const client = await context.authenticated();
    const { booking } = await client.bookings.confirm.mutate({ id });
    return printChangedBooking(client, booking, "Confirmed", context);
  },
};
