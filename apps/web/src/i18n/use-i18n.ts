import { use } from "react";
import { type I18n, I18nContext } from "./i18n-context.tsx";

export function useI18n(): I18n {
  const i18n = use(I18nContext);
  if (!i18n) throw new Error("useI18n needs an I18nProvider above it");
  return i18n;
}
