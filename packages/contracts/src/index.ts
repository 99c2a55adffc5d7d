export {
  availabilityOutputSchema,
  availabilityQuerySchema,
  quoteInputSchema,
  quoteOutputSchema,
  slotsOutputSchema,
  slotsQuerySchema,
} from "./bookings/availability.schemas.ts";
export {
  type BookingDto,
  bookingHistoryEntrySchema,
  bookingPeopleInputSchema,
  bookingPeopleQuerySchema,
  bookingSchema,
  bookingStatusSchema,
  type CreateBookingInput,
  cancelBookingInputSchema,
  createBookingInputSchema,
  createdBookingSchema,
  idempotencyKeySchema,
  listBookingsQuerySchema,
  rejectBookingInputSchema,
  type SubmitHoldInput,
  submitHoldInputSchema,
  type UpdateBookingInput,
  updateBookingInputSchema,
} from "./bookings/booking.schemas.ts";
export {
  type CalendarBooking,
  calendarBookingSchema,
  monthSchema,
  type VenueCalendar,
  venueCalendarInputSchema,
  venueCalendarQuerySchema,
  venueCalendarSchema,
} from "./calendar/venue-calendar.schemas.ts";
export {
  createOfferingInputSchema,
  type OfferingDto,
  offeringSchema,
  updateOfferingInputSchema,
} from "./catalog/offering.schemas.ts";
export {
  createResourceInputSchema,
  type ResourceDto,
  resourceSchema,
  updateResourceInputSchema,
} from "./catalog/resource.schemas.ts";
export {
  createVenueInputSchema,
  openingHoursSchema,
  updateVenueInputSchema,
  type VenueDto,
  venueSchema,
} from "./catalog/venue.schemas.ts";
export { parseLatLng, venueSearchQuerySchema } from "./catalog/venue-search.schema.ts";
export { idParamsSchema, idSchema, reasonSchema } from "./common/fields.schema.ts";
export {
  EMAIL_MAX_LENGTH,
  GUESTS_INPUT_MAX,
  GUESTS_INPUT_MIN,
  NAME_MAX_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PHONE_MAX_LENGTH,
  TEXT_MAX_LENGTH,
} from "./common/limits.ts";
export { pageSchema } from "./common/page.schema.ts";
export { type ErrorCode, errorStatusByCode, isErrorCode } from "./errors/error-codes.ts";
export { type ErrorEnvelope, errorEnvelopeSchema } from "./errors/error-envelope.schema.ts";
export {
  createdFeedSchema,
  createFeedInputSchema,
  type FeedCalendar,
  type FeedDto,
  feedCalendarInputSchema,
  feedCalendarSchema,
  feedListSchema,
  feedSchema,
  feedTokenParamsSchema,
} from "./feeds/feed.schemas.ts";
export {
  listNotificationsQuerySchema,
  type NotificationDto,
  notificationEnvelopeSchema,
  notificationKindSchema,
  notificationPageSchema,
  notificationSchema,
  notificationStatusSchema,
} from "./notifications/notification.schemas.ts";
export {
  type AdminQueue,
  adminQueueQuerySchema,
  adminQueueSchema,
} from "./queue/admin-queue.schemas.ts";
export {
  type MonthlyStatistics,
  type MonthStatistics,
  monthlyStatisticsQuerySchema,
  monthlyStatisticsSchema,
  monthStatisticsSchema,
} from "./statistics/monthly-statistics.schemas.ts";
export { type PageDataEntry, pageDataElementId } from "./system/page-data.ts";
export {
  logPositionSchema,
  type ProjectionDto,
  projectionNameSchema,
  projectionParamsSchema,
  projectionSchema,
} from "./system/projection.schemas.ts";
export { type SystemStatus, systemStatusSchema } from "./system/system-status.schema.ts";
export { transformer } from "./transformer.ts";
export {
  apiTokenSchema,
  createApiTokenInputSchema,
  createdApiTokenSchema,
} from "./users/api-token.schemas.ts";
export {
  changePasswordInputSchema,
  changeRoleInputSchema,
  languageSchema,
  listUsersQuerySchema,
  loginInputSchema,
  loginOutputSchema,
  type RegisterInput,
  type Role,
  registerInputSchema,
  rejectUserInputSchema,
  roleSchema,
  type User,
  type UserStatus,
  updateProfileInputSchema,
  userEnvelopeSchema,
  userSchema,
  userStatusSchema,
} from "./users/user.schemas.ts";
