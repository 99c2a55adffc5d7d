import { adminCatalogDe } from "./admin-catalog.de.ts";
import { adminCatalogEn } from "./admin-catalog.en.ts";
import { adminDeskDe } from "./admin-desk.de.ts";
import { adminDeskEn } from "./admin-desk.en.ts";
import { adminInsightsDe } from "./admin-insights.de.ts";
import { adminInsightsEn } from "./admin-insights.en.ts";
import type { Language } from "./languages.ts";

/**
 * The texts of the admin's desk. Few people administer, so these travel with the admin
 * chunk instead of everyone's first load: importing this module adds them (`addTexts`).
 */
export const adminTexts = {
  en: { ...adminCatalogEn, ...adminDeskEn, ...adminInsightsEn },
  de: { ...adminCatalogDe, ...adminDeskDe, ...adminInsightsDe },
} satisfies Record<Language, Record<string, string>>;

export type AdminMessageKey = keyof typeof adminTexts.en;
