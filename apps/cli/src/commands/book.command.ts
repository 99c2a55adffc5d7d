import { randomUUID } from "node:crypto";
import { createBookingInputSchema, idempotencyKeySchema } from "@booking/contracts";
import { bookingDetails } from "../booking-format.ts";
import { loadVenues } from "../catalog-lookup.ts";
import { type Command, type CommandOptions, UsageError } from "../command.ts";
import { describeFailure, failureInfo } from "../describe-failure.ts";
import { checkedInput, idOperand, parseWholeNumber } from "./option-values.ts";

export const bookCommand: Command = {
  name: "book",
  synopsis:
    "book <offeringId> (--check-in <date> --check-out <date> --room <id>... | --start <ISO time>) [--guests <n>] [--notes <text>] [--idempotency-key <k>]",
  summary: "book rooms for a stay or an appointment slot",
  options: ["check-in", "check-out", "room", "start", "guests", "notes", "idempotency-key"],
  async run({ authenticated, url, operands, options, output }) {
    const offeringId = idOperand(operands, "offering", "see `booking venues show <venueId>`");
    const booking = bookingInput(offeringId, options);
    // One key per invocation: the server answers a repeated request with the first booking.
    const idempotencyKey = options["idempotency-key"] ?? randomUUID();
    const key = idempotencyKeySchema.safeParse(idempotencyKey);
    if (!key.success) {
      throw new UsageError(`--idempotency-key: ${key.error.issues[0]?.message ?? "invalid"}.`);
    }
    if (options.verbose) output.err(`Idempotency key: ${idempotencyKey}`);
    const client = await authenticated();
    let created: Awaited<ReturnType<typeof client.bookings.create.mutate>>;
    try {
      created = await client.bookings.create.mutate({ booking, idempotencyKey });
    } catch (error) {
      if (!outcomeUnknown(error)) throw error;
      output.err(describeFailure(error, url));
      output.err(
        `The booking may have been made. Retry with --idempotency-key ${idempotencyKey}: it never books twice.`,
      );
      return 1;
    }
    if (options.json) {
      output.out(JSON.stringify(created, null, 2));
      return 0;
    }
    const venues = await loadVenues(client, [created.booking.venueId]);
    for (const line of bookingDetails(created.booking, venues.get(created.booking.venueId))) {
      output.out(line);
    }
    return 0;
  },
};

/** The create body from the options, checked against the contract before any request. */
export function bookingInput(offeringId: string, options: CommandOptions) {
  const stay = options["check-in"] !== undefined || options["check-out"] !== undefined;
  if (stay && options.start !== undefined) {
    throw new UsageError("Give --check-in/--check-out for a stay or --start for a slot, not both.");
  }
  if (!stay && options.start === undefined) {
    throw new UsageError(
      "Give --check-in, --check-out and --room for a stay, or --start for a slot.",
    );
  }
  if (stay && !options.room?.length) {
    throw new UsageError("A stay needs at least one --room <id> (see `booking availability`).");
  }
  return checkedInput(
    createBookingInputSchema,
    {
      offeringId,
      resourceIds: options.room,
      checkIn: options["check-in"],
      checkOut: options["check-out"],
      start: options.start,
      guests: parseWholeNumber("--guests", options.guests, { min: 1, max: 1000 }) ?? 1,
      notes: options.notes,
    },
    {
      offeringId: "<offeringId>",
      resourceIds: "--room",
      checkIn: "--check-in",
      checkOut: "--check-out",
      start: "--start",
      guests: "--guests",
      notes: "--notes",
    },
  );
}

/** Not reached, or failed inside: whether the booking exists is unknown. */
function outcomeUnknown(error: unknown): boolean {
  const code = failureInfo(error)?.code;
  return code === undefined || code === "INTERNAL" || code === "UNAVAILABLE";
}
