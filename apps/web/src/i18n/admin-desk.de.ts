import type { adminDeskEn } from "./admin-desk.en.ts";

/** Deutsche Texte: the admin's desk: its menu, the approval queue, bookings and users (pages/admin, admin-queue, admin-bookings). */
export const adminDeskDe: Record<keyof typeof adminDeskEn, string> = {
  "admin.nav.label": "Verwaltung",
  "admin.nav.queue": "Zu bestätigen",
  "admin.nav.calendar": "Kalender",
  "admin.nav.bookings": "Buchungen",
  "admin.nav.catalog": "Orte & Angebote",
  "admin.nav.statistics": "Statistik",
  "admin.nav.notifications": "E-Mails",
  "admin.nav.users": "Benutzer",
  "admin.users.title": "Benutzer",
};
