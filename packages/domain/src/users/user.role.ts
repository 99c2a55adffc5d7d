/** The roles a user can hold. Exactly one active account is the `owner` (see user.decide-role.ts). */
export const USER_ROLES = ["owner", "admin", "member"] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The languages the web app and e-mails speak; a user's preference picks one. */
export const USER_LANGUAGES = ["de", "en"] as const;
export type UserLanguage = (typeof USER_LANGUAGES)[number];
