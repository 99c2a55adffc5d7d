/** English texts of the admin's desk: its menu, the approval queue, bookings and users (pages/admin, admin-queue, admin-bookings). */
export const adminDeskEn = {
  "admin.nav.label": "Administration",
  "admin.nav.queue": "To approve",
  "admin.nav.calendar": "Calendar",
  "admin.nav.bookings": "Bookings",
  "admin.nav.catalog": "Venues & offers",
  "admin.nav.statistics": "Statistics",
  "admin.nav.notifications": "E-mails",
  "admin.nav.users": "Users",
  "admin.users.title": "Users",
} as const satisfies Record<string, string>;
