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
  bookingSchema,
  bookingStatusSchema,
  cancelBookingInputSchema,
  createBookingInputSchema,
  createdBookingSchema,
  guestContactSchema,
  idempotencyKeySchema,
  listBookingsQuerySchema,
  rejectBookingInputSchema,
  submitHoldInputSchema,
  updateBookingInputSchema,
} from "./bookings/booking.schemas.ts";
export {
  currencySchema,
  localDateSchema,
  timeOfDaySchema,
  timeZoneSchema,
} from "./catalog/calendar.schemas.ts";
export {
  bookingQuestionSchema,
  createOfferingInputSchema,
  moneySchema,
  type OfferingDto,
  offeringSchema,
  slotSettingsSchema,
  staySettingsSchema,
  updateOfferingInputSchema,
} from "./catalog/offering.schemas.ts";
export {
  createResourceInputSchema,
  type ResourceDto,
  resourceSchema,
  updateResourceInputSchema,
} from "./catalog/resource.schemas.ts";
export {
  addressSchema,
  closureSchema,
  createVenueInputSchema,
  locationSchema,
  openingHoursSchema,
  updateVenueInputSchema,
  type VenueDto,
  venuePoliciesSchema,
  venueSchema,
} from "./catalog/venue.schemas.ts";
export { parseLatLng, venueSearchQuerySchema } from "./catalog/venue-search.schema.ts";
export {
  emailSchema,
  idParamsSchema,
  idSchema,
  nameSchema,
  passwordSchema,
  phoneSchema,
  reasonSchema,
} from "./common/fields.schema.ts";
export { pageQuerySchema, pageSchema } from "./common/page.schema.ts";
export {
  type ErrorCode,
  errorCodes,
  errorStatusByCode,
  isErrorCode,
} from "./errors/error-codes.ts";
export { type ErrorEnvelope, errorEnvelopeSchema } from "./errors/error-envelope.schema.ts";
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
  listUsersQuerySchema,
  loginInputSchema,
  loginOutputSchema,
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
