export type { AppRouter } from "@booking/api";
export {
  type BookingClient,
  type BookingClientOptions,
  createBookingClient,
} from "./booking-client.ts";
export { type BookingClientErrorInfo, bookingErrorInfo } from "./client-error.ts";
export type { RouterInputs, RouterOutputs } from "./router-types.ts";
