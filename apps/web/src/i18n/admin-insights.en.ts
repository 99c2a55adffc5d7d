/** English texts of the admin's calendar, statistics and e-mail log (pages/admin-calendar, admin-statistics, admin-notifications). */
export const adminInsightsEn = {} as const satisfies Record<string, string>;
