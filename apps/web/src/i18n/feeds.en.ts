/** English texts of the account's mail language and calendar feeds, and of anything shown only once. */
export const feedsEn = {
  "shownOnce.copy": "Copy",
  "shownOnce.copied": "Copied to the clipboard.",
  "shownOnce.copyFailed": "Copying failed; select the text and copy it by hand.",
  "shownOnce.dismiss": "Done",
  "mailLanguage.label": "Language of my e-mails",
  "mailLanguage.venues": "The place's language",
  "mailLanguage.hint":
    "Confirmations, reminders and other mails about your bookings come in this language.",
  "mailLanguage.saved": "Saved.",
  "feeds.title": "Calendar feeds",
  "feeds.intro":
    "A private address of your bookings that a calendar app subscribes to and keeps up to date. Anyone with the address sees the bookings in it: keep it to yourself, and revoke it when a device is lost.",
  "feeds.name": "Name of the new feed (e.g. “My phone”)",
  "feeds.venue": "Bookings",
  "feeds.venueMine": "My bookings",
  "feeds.venueAll": "Every booking of {venue}",
  "feeds.create": "Create feed",
  "feeds.creating": "Creating…",
  "feeds.urlTitle": "New feed “{name}”",
  "feeds.urlWarning":
    "Copy the address now: it is shown only this once. In your calendar app, add a calendar by subscription (iPhone: Settings → Calendar → Accounts → Add Subscribed Calendar; Google Calendar: Other calendars → From URL) and paste it.",
  "feeds.urlLabel": "Feed address",
  "feeds.empty": "You have no calendar feeds.",
  "feeds.created": "Created {date}",
  "feeds.ofVenue": "all bookings of {venue}",
  "feeds.ofMine": "my bookings",
  "feeds.revoke": "Revoke",
  "feeds.revokeLabel": "Revoke feed {name}",
  "feeds.revoked": "Feed “{name}” revoked: its address answers nothing any more.",
} as const satisfies Record<string, string>;
