import type { BookingClientErrorInfo } from "@booking/client";
import { type ErrorText, errorText } from "../../errors/error-text.ts";
import type { MessageKey } from "../../i18n/en.ts";

// The rules an admin's change can break (docs/api.md, "Errors"), each with its sentence.
const ruleKeys: Record<string, MessageKey> = {
  IN_PAST: "adminBooking.rule.IN_PAST",
  MIN_NOTICE: "adminBooking.rule.MIN_NOTICE",
  MAX_ADVANCE: "adminBooking.rule.MAX_ADVANCE",
  MIN_NIGHTS: "adminBooking.rule.MIN_NIGHTS",
  MAX_NIGHTS: "adminBooking.rule.MAX_NIGHTS",
  GUESTS: "adminBooking.rule.GUESTS",
  CAPACITY: "adminBooking.rule.CAPACITY",
  CLOSED: "adminBooking.rule.CLOSED",
  OFF_GRID: "adminBooking.rule.OFF_GRID",
  NOT_STARTED: "adminBooking.rule.NOT_STARTED",
  NOT_ENDED: "adminBooking.rule.NOT_ENDED",
};

const statuses = new Set([
  "held",
  "pending",
  "confirmed",
  "completed",
  "rejected",
  "cancelled",
  "expired",
  "no_show",
]);

/**
 * Why the api refused an admin's action on a booking, as a sentence of the dictionary: the
 * refusals this desk meets have their own words; everything else reads as anywhere else.
 */
export function adminRefusal(
  info: Pick<BookingClientErrorInfo, "code" | "message" | "details"> | undefined,
  fallbackMessage: string,
): ErrorText {
  if (info?.code === "SLOT_UNAVAILABLE") return { key: "adminBooking.error.taken" };
  const current = info?.details?.current;
  if (info?.code === "INVALID_STATE" && typeof current === "string" && statuses.has(current)) {
    return {
      key: "adminBooking.error.state",
      values: { status: current },
    };
  }
  const rule = info?.details?.rule;
  if (info?.code === "RULE_VIOLATION" && typeof rule === "string" && rule in ruleKeys) {
    return { key: ruleKeys[rule] ?? "errors.RULE_VIOLATION" };
  }
  return errorText(info, fallbackMessage);
}
