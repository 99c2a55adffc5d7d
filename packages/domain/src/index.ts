export {
  type BlockingReservation,
  type EpochPeriod,
  type InstantInput,
  type InstantPeriod,
  toEpochMs,
} from "./availability/blocking-reservation.ts";
export { checkCancellationNotice } from "./availability/cancellation-notice-rule.ts";
export { isClosedOn } from "./availability/closure-calendar.ts";
export { eligibleResources } from "./availability/eligible-resources.ts";
export { addDays, daysBetween, weekdayOf } from "./availability/local-date.ts";
export {
  formatTimeOfDay,
  instantToLocal,
  type LocalDateTime,
  localDateOf,
  localToInstant,
  parseTimeOfDay,
} from "./availability/local-time.ts";
export {
  GUESTS_MAX,
  GUESTS_MIN,
  REQUEST_RULES,
  type RequestRule,
  type RuleViolation,
  requestRuleViolation,
} from "./availability/rule-violation.ts";
export {
  type AvailableSlot,
  type SlotAvailabilityQuery,
  slotAvailability,
  slotsOnDate,
} from "./availability/slot-availability.ts";
export { slotPeriod, slotPeriodMs } from "./availability/slot-period.ts";
export { checkGuests } from "./availability/booking-start-rules.ts";
export { checkSlotRequest, type SlotRequest } from "./availability/slot-request-rules.ts";
export {
  type NightAvailability,
  type StayAvailabilityQuery,
  stayAvailability,
} from "./availability/stay-availability.ts";
export { stayPeriod, stayPeriodMs } from "./availability/stay-period.ts";
export { checkStayRequest, type StayRequest } from "./availability/stay-request-rules.ts";
export {
  type BookingActor,
  type GuestActor,
  type HistoryActor,
  historyActor,
} from "./bookings/booking.actor.ts";
export type {
  BookingCommand,
  CancelBooking,
  CompleteBooking,
  ConfirmBooking,
  EditBooking,
  ExpireHold,
  HoldBooking,
  MarkNoShow,
  RejectBooking,
  RequestBooking,
  RescheduleBooking,
  SubmitHold,
} from "./bookings/booking.commands.ts";
export { type BookingDecider, bookingDecider, decideBooking } from "./bookings/booking.decider.ts";
export {
  type BookingFailure,
  type BookingRule,
  CONTRACT_RULES,
  type ContractRule,
  isBookingFailure,
} from "./bookings/booking.errors.ts";
export type {
  BookingCancelled,
  BookingCompleted,
  BookingConfirmed,
  BookingEdited,
  BookingEvent,
  BookingEventType,
  BookingHeld,
  BookingMarkedNoShow,
  BookingRejected,
  BookingRequested,
  BookingRescheduled,
  HoldExpired,
} from "./bookings/booking.events.ts";
export { zonedInstant } from "./bookings/booking.local-time.ts";
export { mayOpen } from "./bookings/booking.permissions.ts";
export { BOOKING_PERSONAL_FIELDS } from "./bookings/booking.personal-fields.ts";
export type {
  BookedBy,
  BookingAnswers,
  BookingDetails,
  BookingPlacement,
  BookingRequest,
  GuestContact,
} from "./bookings/booking.request.ts";
export type {
  BookingContext,
  BookingQuote,
  BookingRuleCheck,
  BookingRuleContext,
  BookingRuleFailure,
} from "./bookings/booking.rule-check.ts";
export {
  type BookingState,
  bookingExists,
  type ExistingBooking,
  evolveBooking,
  initialBookingState,
  type NotExistingBooking,
} from "./bookings/booking.state.ts";
export {
  BLOCKING_STATUSES,
  BOOKING_STATUSES,
  type BookingStateStatus,
  type BookingStatus,
  isBlocking,
  isTerminal,
  TERMINAL_STATUSES,
} from "./bookings/booking.status.ts";
export {
  type BookingQuestion,
  type Closure,
  type LocalDate,
  type Money,
  type Offering,
  type OpeningHours,
  type OpeningInterval,
  type Resource,
  type SlotOffering,
  type SlotSettings,
  type StayOffering,
  type StaySettings,
  type TimeOfDay,
  type Venue,
  type VenuePolicies,
  WEEKDAYS,
  type Weekday,
} from "./catalog/catalog.types.ts";
export {
  type CatalogCommand,
  type CatalogEvent,
  type CatalogFailure,
  decideCatalogEntity,
  evolveCatalogEntity,
} from "./catalog/catalog-entity.decider.ts";
export type { Quote, QuoteLine } from "./pricing/quote.types.ts";
export { quoteSlot } from "./pricing/slot-quote.ts";
export { quoteStay } from "./pricing/stay-quote.ts";
export { type Decider, foldEvents } from "./shared/decider.ts";
export type { SystemActor, UserActor, UserPrincipal } from "./users/user.actor.ts";
export { isActing, isSystemActor } from "./users/user.actor.ts";
export type {
  ApproveUser,
  ChangePassword,
  ChangeUserProfile,
  ChangeUserRole,
  CreateOwner,
  DisableUser,
  EnableUser,
  EraseUser,
  NewAccountFields,
  RegisterUser,
  RejectUser,
  UserCommand,
} from "./users/user.commands.ts";
export { decideUser, type UserDecider, userDecider } from "./users/user.decider.ts";
export { isNormalizedEmail, normalizeEmail } from "./users/user.email.ts";
export { isUserFailure, type UserFailure, type UserRule } from "./users/user.errors.ts";
export type {
  NewAccountData,
  OwnerCreated,
  OwnershipTransfer,
  UserApproved,
  UserDisabled,
  UserEnabled,
  UserErased,
  UserEvent,
  UserEventType,
  UserPasswordChanged,
  UserProfileChanged,
  UserRegistered,
  UserRejected,
  UserRoleChanged,
} from "./users/user.events.ts";
export {
  PASSWORD_POLICY,
  passwordPolicyViolation,
  REASON_MAX_LENGTH,
  USER_EMAIL_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
  USER_PHONE_MAX_LENGTH,
} from "./users/user.limits.ts";
export {
  decideOwnershipTransfer,
  type OwnershipTransferDecision,
} from "./users/user.ownership-transfer.ts";
export { mayChangeRoles, mayManage } from "./users/user.permissions.ts";
export { USER_PERSONAL_FIELDS } from "./users/user.personal-fields.ts";
export { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRole } from "./users/user.role.ts";
export {
  type ErasedUser,
  evolveUser,
  initialUserState,
  isLiveUser,
  type LiveUser,
  type NotExistingUser,
  type UserProfile,
  type UserState,
  type UserStateStatus,
  type UserStatus,
} from "./users/user.state.ts";
