import type { adminInsightsEn } from "./admin-insights.en.ts";

/** Deutsche Texte: the admin's calendar, statistics and e-mail log (pages/admin-calendar, admin-statistics, admin-notifications). */
export const adminInsightsDe: Record<keyof typeof adminInsightsEn, string> = {};
