import type { VenueDto } from "@booking/contracts";
import { formatMinutes, formatQuantity } from "../../i18n/format-quantity.ts";
import type { Translate } from "../../i18n/i18n-context.tsx";
import type { Language } from "../../i18n/languages.ts";

/**
 * A venue's booking rules as sentences for the people who book, in the order they meet
 * them: may I book this far ahead, this soon, who confirms it, until when may I cancel.
 * How long a hold lasts is left out: that is explained where one holds a time.
 */
export function describePolicies(
  policies: VenueDto["policies"],
  t: Translate,
  language: Language,
): string[] {
  return [
    t("policy.maxAdvance", { duration: formatQuantity(policies.maxAdvanceDays, "day", language) }),
    policies.minNoticeMinutes === 0
      ? t("policy.noNotice")
      : t("policy.minNotice", { duration: formatMinutes(policies.minNoticeMinutes, language) }),
    policies.approvalRequired ? t("policy.approval") : t("policy.instant"),
    policies.cancellationNoticeHours === 0
      ? t("policy.cancelUntilStart")
      : t("policy.cancel", {
          duration: formatQuantity(policies.cancellationNoticeHours, "hour", language),
        }),
  ];
}
