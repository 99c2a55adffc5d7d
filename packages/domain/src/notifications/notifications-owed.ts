import type { BookingEvent } from "../bookings/booking.events.ts";
import { type BookingState, bookingExists } from "../bookings/booking.state.ts";

/** The mails the system sends (docs/api.md, "E-mail"). */
export const NOTIFICATION_KINDS = [
  "booking_requested",
  "booking_confirmed",
  "booking_rejected",
  "booking_cancelled",
  "booking_rescheduled",
  "booking_reminder",
  "account_approved",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** `staff`: the owner and every admin; `booker`: the member or guest who booked. */
export interface OwedMail {
  kind: NotificationKind;
  to: "booker" | "staff";
  /** When it is due (UTC ISO); absent: at once. */
  dueAt?: string;
}

export interface OwedNotifications {
  mails: OwedMail[];
  /** Reminders scheduled earlier and not yet sent no longer apply (cancelled, moved, over). */
  dropReminders: boolean;
}

/** How long before the start the reminder goes out. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;

const nothing: OwedNotifications = Object.freeze({ mails: [], dropReminders: false });

/**
 * What one booking event owes in mail, from the booking before and after it. A hold is
 * nobody's business until it is submitted; a request that waits for approval goes to staff
 * (one the venue confirms at once owes only the confirmation);
 * the booker hears of every decision and move; a confirmed booking gets its reminder
 * 24 h before the start, unless it was confirmed closer to the start than that (the
 * confirmation is the reminder then). Cancelling, rejecting, completing or moving a booking
 * drops the reminder it had; a move that stays confirmed schedules one for the new start.
 */
export function notificationsOwed(
  event: BookingEvent,
  before: BookingState,
  after: BookingState,
  context: {
    /** The same decision confirmed the request too (a venue that needs no approval). */
    confirmedAtOnce: boolean;
  } = { confirmedAtOnce: false },
): OwedNotifications {
  if (!bookingExists(after)) return nothing;
  const wasSubmitted = bookingExists(before) && before.status !== "held";
  switch (event.type) {
    case "BookingRequested":
      // Streams recorded before requests and confirmations were two events say "confirmed".
      return event.data.status === "confirmed"
        ? {
            mails: [booker("booking_confirmed"), ...reminder(after.start, event.data.at)],
            dropReminders: false,
          }
        : context.confirmedAtOnce
          ? nothing
          : { mails: [staff("booking_requested")], dropReminders: false };
    case "BookingConfirmed":
      return {
        mails: [booker("booking_confirmed"), ...reminder(after.start, event.data.at)],
        dropReminders: false,
      };
    case "BookingRejected":
      return { mails: [booker("booking_rejected")], dropReminders: true };
    case "BookingCancelled":
      return { mails: wasSubmitted ? [booker("booking_cancelled")] : [], dropReminders: true };
    case "BookingRescheduled": {
      if (!wasSubmitted) return nothing;
      const mails = [booker("booking_rescheduled")];
      if (after.status === "pending") mails.push(staff("booking_requested"));
      if (after.status === "confirmed") mails.push(...reminder(after.start, event.data.at));
      return { mails, dropReminders: true };
    }
    case "BookingCompleted":
    case "BookingMarkedNoShow":
    case "HoldExpired":
      return { mails: [], dropReminders: true };
    case "BookingHeld":
    case "BookingEdited":
      return nothing;
  }
}

function booker(kind: NotificationKind): OwedMail {
  return { kind, to: "booker" };
}

function staff(kind: NotificationKind): OwedMail {
  return { kind, to: "staff" };
}

function reminder(start: string, decidedAt: string): OwedMail[] {
  const dueAt = Date.parse(start) - REMINDER_LEAD_MS;
  if (dueAt <= Date.parse(decidedAt)) return [];
  return [{ kind: "booking_reminder", to: "booker", dueAt: new Date(dueAt).toISOString() }];
}
