import { bookingErrorInfo } from "@booking/client";
import { useI18n } from "../i18n/use-i18n.ts";
import { errorText } from "./error-text.ts";

/** Turns any failure of a call into a sentence in the reader's language. */
export function useErrorMessage(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => {
    const text = errorText(bookingErrorInfo(error), error instanceof Error ? error.message : "");
    return t(text.key, text.values);
  };
}
