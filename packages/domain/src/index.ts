export type { BlockingReservation } from "./availability/blocking-reservation.ts";
export { checkGuests } from "./availability/booking-start-rules.ts";
export { GUESTS_MAX, GUESTS_MIN, type RuleViolation } from "./availability/rule-violation.ts";
export { slotAvailability, slotsOnDate } from "./availability/slot-availability.ts";
export { slotPeriod } from "./availability/slot-period.ts";
export { checkSlotRequest } from "./availability/slot-request-rules.ts";
export { stayAvailability } from "./availability/stay-availability.ts";
export { checkStayRequest } from "./availability/stay-request-rules.ts";
export { type BookingActor, historyActor } from "./bookings/booking.actor.ts";
export {
  type BookingCommand,
  type BookingJob,
  bookingJob,
  type CancelBooking,
  type ChangeBooking,
  type CompleteBooking,
  type ConfirmBooking,
  type CreateBooking,
  type ExpireHold,
  type HoldBooking,
  type MarkNoShow,
  type RejectBooking,
  type RequestBooking,
  type StatusChange,
  type SubmitHold,
} from "./bookings/booking.commands.ts";
export { bookingDecider, decideBooking } from "./bookings/booking.decider.ts";
export { type BookingFailure, isBookingFailure } from "./bookings/booking.errors.ts";
export type {
  BookingCancelled,
  BookingCompleted,
  BookingConfirmed,
  BookingEdited,
  BookingEvent,
  BookingHeld,
  BookingMarkedNoShow,
  BookingRejected,
  BookingRequested,
  BookingRescheduled,
  HoldExpired,
} from "./bookings/booking.events.ts";
export { BOOKING_EVENT_TYPES } from "./bookings/booking.events.ts";
export { mayOpen } from "./bookings/booking.permissions.ts";
export { BOOKING_PERSONAL_FIELDS } from "./bookings/booking.personal-fields.ts";
export type { BookingPlacement } from "./bookings/booking.request.ts";
export type { BookingContext, BookingRuleContext } from "./bookings/booking.rule-check.ts";
export {
  type BookingState,
  bookingExists,
  type ExistingBooking,
  evolveBooking,
} from "./bookings/booking.state.ts";
export { BOOKING_STATUSES, isBlocking } from "./bookings/booking.status.ts";
export { type Offering, type Resource, type Venue, WEEKDAYS } from "./catalog/catalog.types.ts";
export {
  type CatalogCommand,
  type CatalogEvent,
  decideCatalogEntity,
  evolveCatalogEntity,
} from "./catalog/catalog-entity.decider.ts";
export { foldEvents } from "./decider/decider.ts";
export {
  NOTIFICATION_KINDS,
  type NotificationKind,
  notificationsOwed,
  type OwedMail,
  type OwedNotifications,
  REMINDER_LEAD_MS,
} from "./notifications/notifications-owed.ts";
export { quoteSlot } from "./pricing/slot-quote.ts";
export { quoteStay } from "./pricing/stay-quote.ts";
export {
  addContributions,
  countsAsConfirmed,
  evolveStatisticsBooking,
  isZero,
  type Month,
  type MonthFigures,
  monthlyContributions,
  NO_FIGURES,
  type StatisticsBooking,
} from "./statistics/booking-statistics.ts";
export {
  type MonthCapacity,
  nightsInMonth,
  occupancy,
  openMinutesInMonth,
} from "./statistics/month-capacity.ts";
export type {
  ApproveUser,
  ChangePassword,
  ChangeUserProfile,
  ChangeUserRole,
  CreateOwner,
  DisableUser,
  EnableUser,
  EraseUser,
  RegisterUser,
  RejectUser,
  UserCommand,
} from "./users/user.commands.ts";
export { decideUser, userDecider } from "./users/user.decider.ts";
export { normalizeEmail } from "./users/user.email.ts";
export { isUserFailure, type UserFailure } from "./users/user.errors.ts";
export type {
  OwnerCreated,
  UserApproved,
  UserDisabled,
  UserEnabled,
  UserErased,
  UserEvent,
  UserPasswordChanged,
  UserProfileChanged,
  UserRegistered,
  UserRejected,
  UserRoleChanged,
} from "./users/user.events.ts";
export {
  TEXT_MAX_LENGTH,
  USER_EMAIL_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
  USER_PHONE_MAX_LENGTH,
} from "./users/user.limits.ts";
export { decideOwnershipTransfer } from "./users/user.ownership-transfer.ts";
export { USER_PERSONAL_FIELDS } from "./users/user.personal-fields.ts";
export { USER_LANGUAGES, USER_ROLES } from "./users/user.role.ts";
export { USER_STATUSES, type UserState } from "./users/user.state.ts";
