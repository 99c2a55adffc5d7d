import {
  availabilityOutputSchema,
  availabilityQuerySchema,
  bookingHistoryEntrySchema,
  bookingPeopleQuerySchema,
  bookingSchema,
  cancelBookingInputSchema,
  createBookingInputSchema,
  createdBookingSchema,
  idempotencyKeySchema,
  idParamsSchema,
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
import { z } from "zod";
import { defineRestRoute } from "../rest/rest-route.ts";
import { offeringAvailabilityJson, slotsForDateJson } from "./availability.service.ts";
import { availabilityRouter, bookingsRouter } from "./bookings.trpc.ts";
import { requestBookingOnce, submitHoldOnce } from "./create-once.ts";

const tag = "Bookings";
const booking = z.object({ booking: bookingSchema });
const idempotencyHeader = {
  "Idempotency-Key": {
    description: "Makes the create safe to retry: the same key and body answer the first result",
    schema: idempotencyKeySchema,
  },
};

/** Validates the Idempotency-Key header like any other input (400 when over 200 chars). */
function idempotencyKey(header: (name: string) => string | undefined): string | undefined {
  const key = header("idempotency-key");
  if (key === undefined) return undefined;
  return z.object({ "Idempotency-Key": idempotencyKeySchema }).parse({ "Idempotency-Key": key })[
    "Idempotency-Key"
  ];
}

const statusAction = (action: "confirm" | "no-show", summary: string, name: "confirm" | "noShow") =>
  defineRestRoute({
    method: "post",
    path: `/bookings/:id/${action}`,
    operationId: `${name}Booking`,
    summary,
    tag,
    params: idParamsSchema,
    output: booking,
    successStatus: 200,
    procedure: bookingsRouter[name],
    handler: ({ call, input }) => call(bookingsRouter[name], input.params),
  });

export const bookingsRoutes = [
  defineRestRoute({
    method: "get",
    path: "/offerings/:id/availability",
    operationId: "getAvailability",
    summary: "Free rooms per night (stays) or free slots (slot offerings) in [from, to)",
    tag: "Availability",
    params: idParamsSchema,
    query: availabilityQuerySchema,
    output: availabilityOutputSchema,
    successStatus: 200,
    direct: ({ ctx, input }) =>
      offeringAvailabilityJson(ctx, { offeringId: input.params.id, ...input.query }),
    procedure: availabilityRouter.forOffering,
    handler: ({ call, input }) =>
      call(availabilityRouter.forOffering, { offeringId: input.params.id, query: input.query }),
  }),
  defineRestRoute({
    method: "get",
    path: "/offerings/:id/slots",
    operationId: "getSlots",
    summary: "Free slots of one day (slot offerings)",
    tag: "Availability",
    params: idParamsSchema,
    query: slotsQuerySchema,
    output: slotsOutputSchema,
    successStatus: 200,
    direct: ({ ctx, input }) =>
      slotsForDateJson(ctx, { offeringId: input.params.id, ...input.query }),
    procedure: availabilityRouter.slots,
    handler: ({ call, input }) =>
      call(availabilityRouter.slots, { offeringId: input.params.id, ...input.query }),
  }),
  defineRestRoute({
    method: "post",
    path: "/quotes",
    operationId: "createQuote",
    summary: "The price of a booking, with its lines, without booking anything",
    tag: "Availability",
    body: quoteInputSchema,
    output: quoteOutputSchema,
    successStatus: 200,
    procedure: availabilityRouter.quote,
    handler: ({ call, input }) => call(availabilityRouter.quote, input.body),
  }),
  defineRestRoute({
    method: "post",
    path: "/holds",
    operationId: "createHold",
    summary: "Hold a time for the venue's hold TTL while the booker fills in the form",
    tag,
    body: createBookingInputSchema,
    output: createdBookingSchema,
    successStatus: 201,
    procedure: bookingsRouter.hold,
    handler: ({ call, input }) => call(bookingsRouter.hold, input.body),
  }),
  defineRestRoute({
    method: "post",
    path: "/bookings",
    operationId: "createBooking",
    summary: "Book (create body), or submit a hold ({holdId}); pending or confirmed",
    tag,
    body: z.union([submitHoldInputSchema, createBookingInputSchema]),
    bodyFor: (raw) =>
      raw && typeof raw === "object" && "holdId" in raw
        ? submitHoldInputSchema
        : createBookingInputSchema,
    headers: idempotencyHeader,
    output: createdBookingSchema,
    successStatus: 201,
    // The busiest write: straight to the service, as the procedures below do.
    direct: ({ ctx, input, header }) => {
      const key = idempotencyKey(header);
      const body = input.body as Record<string, unknown>;
      return "holdId" in body
        ? submitHoldOnce(ctx, body as z.infer<typeof submitHoldInputSchema>, key)
        : requestBookingOnce(ctx, body as z.infer<typeof createBookingInputSchema>, key);
    },
    procedure: bookingsRouter.create,
    alsoCalls: [bookingsRouter.submitHold],
    handler: ({ call, input, header }) => {
      const key = idempotencyKey(header);
      const body = input.body as Record<string, unknown>;
      const options = key ? { idempotencyKey: key } : {};
      return "holdId" in body
        ? call(bookingsRouter.submitHold, {
            submit: body as z.infer<typeof submitHoldInputSchema>,
            ...options,
          })
        : call(bookingsRouter.create, {
            booking: body as z.infer<typeof createBookingInputSchema>,
            ...options,
          });
    },
  }),
  defineRestRoute({
    method: "get",
    path: "/bookings",
    operationId: "listBookings",
    summary: "Bookings by start (members: their own; admins: all)",
    tag,
    query: listBookingsQuerySchema,
    output: pageSchema(bookingSchema),
    successStatus: 200,
    procedure: bookingsRouter.list,
    handler: ({ call, input }) => call(bookingsRouter.list, input.query),
  }),
  defineRestRoute({
    method: "get",
    path: "/booking-people",
    operationId: "getBookingPeople",
    summary: "The users named in bookings (bookers, who acted), by id: for staff",
    tag,
    query: bookingPeopleQuerySchema,
    output: z.object({ items: z.array(userSchema) }),
    successStatus: 200,
    procedure: bookingsRouter.people,
    handler: ({ call, input }) => call(bookingsRouter.people, input.query),
  }),
  defineRestRoute({
    method: "get",
    path: "/bookings/:id",
    operationId: "getBooking",
    summary: "A booking and its history (oldest first)",
    tag,
    params: idParamsSchema,
    output: z.object({ booking: bookingSchema, history: z.array(bookingHistoryEntrySchema) }),
    successStatus: 200,
    procedure: bookingsRouter.get,
    handler: ({ call, input }) => call(bookingsRouter.get, input.params),
  }),
  defineRestRoute({
    method: "get",
    path: "/bookings/:id/ics",
    operationId: "getBookingCalendar",
    summary: "The booking as an iCalendar file (one VEVENT, UID = booking id)",
    tag,
    params: idParamsSchema,
    file: { mediaType: "text/calendar" },
    successStatus: 200,
    procedure: bookingsRouter.calendarFile,
    handler: ({ call, input }) => call(bookingsRouter.calendarFile, input.params),
  }),
  defineRestRoute({
    method: "patch",
    path: "/bookings/:id",
    operationId: "updateBooking",
    summary: "Reschedule (dates, start, rooms, guests) or edit notes",
    tag,
    params: idParamsSchema,
    body: updateBookingInputSchema,
    output: booking,
    successStatus: 200,
    procedure: bookingsRouter.update,
    handler: ({ call, input }) =>
      call(bookingsRouter.update, { id: input.params.id, patch: input.body }),
  }),
  defineRestRoute({
    method: "delete",
    path: "/bookings/:id",
    operationId: "cancelBooking",
    summary: "Cancel (within the cancellation notice unless an admin does it)",
    tag,
    params: idParamsSchema,
    body: cancelBookingInputSchema.optional(),
    output: booking,
    successStatus: 200,
    procedure: bookingsRouter.cancel,
    handler: ({ call, input }) =>
      call(bookingsRouter.cancel, { id: input.params.id, ...(input.body ?? {}) }),
  }),
  statusAction("confirm", "Confirm a pending booking (admin)", "confirm"),
  defineRestRoute({
    method: "post",
    path: "/bookings/:id/reject",
    operationId: "rejectBooking",
    summary: "Reject a pending booking with a reason (admin)",
    tag,
    params: idParamsSchema,
    body: rejectBookingInputSchema,
    output: booking,
    successStatus: 200,
    procedure: bookingsRouter.reject,
    handler: ({ call, input }) =>
      call(bookingsRouter.reject, { id: input.params.id, ...input.body }),
  }),
  statusAction("no-show", "Mark a confirmed booking as a no-show (admin)", "noShow"),
  defineRestRoute({
    method: "delete",
    path: "/bookings/:id/guest",
    operationId: "eraseGuestData",
    summary: "Erase a guest's personal data on request (admin); the booking stays for statistics",
    tag,
    params: idParamsSchema,
    output: booking,
    successStatus: 200,
    procedure: bookingsRouter.eraseGuest,
    handler: ({ call, input }) => call(bookingsRouter.eraseGuest, input.params),
  }),
];
