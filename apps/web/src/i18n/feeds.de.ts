import type { feedsEn } from "./feeds.en.ts";

/** Deutsche Texte zur Sprache der E-Mails und zu den Kalender-Abos im Konto, und zu allem, was nur einmal gezeigt wird. */
export const feedsDe: Record<keyof typeof feedsEn, string> = {
  "shownOnce.copy": "Kopieren",
  "shownOnce.copied": "In die Zwischenablage kopiert.",
  "shownOnce.copyFailed": "Kopieren ging nicht; markiere den Text und kopiere ihn selbst.",
  "shownOnce.dismiss": "Fertig",
  "mailLanguage.label": "Sprache meiner E-Mails",
  "mailLanguage.venues": "Die Sprache des Orts",
  "mailLanguage.hint":
    "Bestätigungen, Erinnerungen und andere E-Mails zu deinen Buchungen kommen in dieser Sprache.",
  "mailLanguage.saved": "Gespeichert.",
  "feeds.title": "Kalender-Abos",
  "feeds.intro":
    "Eine private Adresse deiner Buchungen, die eine Kalender-App abonniert und aktuell hält. Wer die Adresse kennt, sieht die Buchungen darin: Behalte sie für dich und widerrufe sie, wenn ein Gerät verloren geht.",
  "feeds.name": "Name des neuen Abos (z. B. „Mein Handy“)",
  "feeds.venue": "Buchungen",
  "feeds.venueMine": "Meine Buchungen",
  "feeds.venueAll": "Alle Buchungen von {venue}",
  "feeds.create": "Abo anlegen",
  "feeds.creating": "Wird angelegt …",
  "feeds.urlTitle": "Neues Abo „{name}“",
  "feeds.urlWarning":
    "Kopiere die Adresse jetzt: Sie wird nur dieses eine Mal gezeigt. Füge in deiner Kalender-App einen abonnierten Kalender hinzu (iPhone: Einstellungen → Kalender → Accounts → Kalenderabo hinzufügen; Google Kalender: Weitere Kalender → Per URL) und setze sie dort ein.",
  "feeds.urlLabel": "Adresse des Abos",
  "feeds.empty": "Du hast keine Kalender-Abos.",
  "feeds.created": "Angelegt am {date}",
  "feeds.ofVenue": "alle Buchungen von {venue}",
  "feeds.ofMine": "meine Buchungen",
  "feeds.revoke": "Widerrufen",
  "feeds.revokeLabel": "Abo {name} widerrufen",
  "feeds.revoked": "Abo „{name}“ widerrufen: Seine Adresse liefert nichts mehr.",
};
