import { bookingErrorInfo } from "@booking/client";
import type { BookingDto } from "@booking/contracts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { adminRefusal } from "./admin-refusal.ts";

/** A refused admin action as a sentence in the reader's language. */
export function useRefusalMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    const text = adminRefusal(bookingErrorInfo(error), error instanceof Error ? error.message : "");
    const status = text.values?.status;
    // The status in a refusal is a word of the reader's language too.
    const values =
      typeof status === "string"
        ? { ...text.values, status: t(`booking.status.${status as BookingDto["status"]}`) }
        : text.values;
    return t(text.key, values);
  };
}
