import {
  availabilityOutputSchema,
  availabilityQuerySchema,
  bookingHistoryEntrySchema,
  bookingPeopleInputSchema,
  bookingSchema,
  cancelBookingInputSchema,
  createBookingInputSchema,
  createdBookingSchema,
  idempotencyKeySchema,
  idSchema,
  listBookingsQuerySchema,
  pageSchema,
  quoteInputSchema,
  quoteOutputSchema,
  rejectBookingInputSchema,
  slotsOutputSchema,
  slotsQuerySchema,
  submitHoldInputSchema,
  updateBookingInputSchema,
  userSchema,
} from "@booking/contracts";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { procedure } from "../trpc/trpc.ts";
import { offeringAvailability, quote, slotsForDate } from "./availability.service.ts";
import { bookingCalendarFile, getBooking, listBookings } from "./booking.queries.ts";
import { bookingPeople } from "./booking-people.queries.ts";
import {
  cancelBooking,
  changeBookingStatus,
  createBooking,
  updateBooking,
} from "./bookings.service.ts";
import { requestBookingOnce, submitHoldOnce } from "./create-once.ts";
import { eraseGuestData } from "./guest-erasure.service.ts";

const byId = z.object({ id: idSchema });

export const bookingsRouter = {
  hold: procedure("anyone")
    .input(createBookingInputSchema)
    .output(createdBookingSchema)
    .mutation(({ ctx, input }) => createBooking(ctx, input, "HoldBooking")),
  create: procedure("anyone")
    .input(
      z.object({
        booking: createBookingInputSchema,
        idempotencyKey: idempotencyKeySchema.optional(),
      }),
    )
    .output(createdBookingSchema)
    .mutation(({ ctx, input }) => requestBookingOnce(ctx, input.booking, input.idempotencyKey)),
  submitHold: procedure("anyone")
    .input(
      z.object({ submit: submitHoldInputSchema, idempotencyKey: idempotencyKeySchema.optional() }),
    )
    .output(createdBookingSchema)
    .mutation(({ ctx, input }) => submitHoldOnce(ctx, input.submit, input.idempotencyKey)),
  list: procedure("member")
    .input(listBookingsQuerySchema)
    .output(pageSchema(bookingSchema))
    .query(({ ctx, input }) => listBookings(ctx, input)),
  people: procedure("admin")
    .input(bookingPeopleInputSchema)
    .output(z.object({ items: z.array(userSchema) }))
    .query(({ ctx, input }) => bookingPeople(ctx, input.userIds)),
  get: procedure("member", "guest")
    .input(byId)
    .output(z.object({ booking: bookingSchema, history: z.array(bookingHistoryEntrySchema) }))
    .query(({ ctx, input }) => getBooking(ctx, input.id)),
  calendarFile: procedure("member", "guest")
    .input(byId)
    .output(z.object({ content: z.string(), filename: z.string() }))
    .query(({ ctx, input }) => bookingCalendarFile(ctx, input.id)),
  update: procedure("member", "guest")
    .input(byId.extend({ patch: updateBookingInputSchema }))
    .output(z.object({ booking: bookingSchema }))
    .mutation(async ({ ctx, input }) => ({
      booking: (await updateBooking(ctx, input.id, input.patch)).booking,
    })),
  cancel: procedure("member", "guest")
    .input(byId.extend(cancelBookingInputSchema.shape))
    .output(z.object({ booking: bookingSchema }))
    .mutation(async ({ ctx, input }) => ({
      booking: await cancelBooking(ctx, input.id, input.reason),
    })),
  confirm: procedure("admin")
    .input(byId)
    .output(z.object({ booking: bookingSchema }))
    .mutation(async ({ ctx, input }) => ({
      booking: await changeBookingStatus(ctx, input.id, { type: "ConfirmBooking" }),
    })),
  reject: procedure("admin")
    .input(byId.extend(rejectBookingInputSchema.shape))
    .output(z.object({ booking: bookingSchema }))
    .mutation(async ({ ctx, input }) => ({
      booking: await changeBookingStatus(ctx, input.id, {
        type: "RejectBooking",
        reason: input.reason,
      }),
    })),
  eraseGuest: procedure("admin", "guest")
    .input(byId)
    .output(z.object({ booking: bookingSchema }))
    .mutation(async ({ ctx, input }) => ({ booking: await eraseGuestData(ctx, input.id) })),
  noShow: procedure("admin")
    .input(byId)
    .output(z.object({ booking: bookingSchema }))
    .mutation(async ({ ctx, input }) => ({
      booking: await changeBookingStatus(ctx, input.id, { type: "MarkNoShow" }),
    })),
} satisfies TRPCRouterRecord;

export const availabilityRouter = {
  forOffering: procedure("anyone")
    .input(z.object({ offeringId: idSchema }).extend({ query: availabilityQuerySchema }))
    .output(availabilityOutputSchema)
    .query(({ ctx, input }) =>
      offeringAvailability(ctx, { offeringId: input.offeringId, ...input.query }),
    ),
  slots: procedure("anyone")
    .input(z.object({ offeringId: idSchema }).extend(slotsQuerySchema.shape))
    .output(slotsOutputSchema)
    .query(({ ctx, input }) => slotsForDate(ctx, input)),
  quote: procedure("anyone")
    .input(quoteInputSchema)
    .output(quoteOutputSchema)
    .query(({ ctx, input }) => quote(ctx, input)),
} satisfies TRPCRouterRecord;
