/** The demo's two places, as API bodies: a family's holiday home and a car workshop. */

const closed: [string, string][] = [];
const workshopDay: [string, string][] = [["08:00", "17:00"]];

export const holidayHome = {
  name: "Ferienhaus am See",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  address: { street: "Seeweg 7", postalCode: "24306", city: "Plön", country: "DE" },
  location: { lat: 54.16, lng: 10.42 },
  // Stays ignore opening hours; the house has no reception.
  openingHours: {
    mon: closed,
    tue: closed,
    wed: closed,
    thu: closed,
    fri: closed,
    sat: closed,
    sun: closed,
  },
  closures: [],
  policies: {
    approvalRequired: true,
    holdTtlMinutes: 10,
    minNoticeMinutes: 0,
    maxAdvanceDays: 540,
    cancellationNoticeHours: 48,
  },
};

export const holidayRooms = [
  { name: "Seezimmer", kind: "room", capacity: 2 },
  { name: "Gartenzimmer", kind: "room", capacity: 2 },
  { name: "Familienzimmer", kind: "room", capacity: 5 },
  { name: "Dachstube", kind: "room", capacity: 3 },
  { name: "Kinderzimmer", kind: "room", capacity: 8 },
];

export const workshop = {
  name: "Kfz-Werkstatt Krüger",
  timeZone: "Europe/Berlin",
  currency: "EUR",
  address: { street: "Industriestraße 12", postalCode: "24103", city: "Kiel", country: "DE" },
  location: { lat: 54.32, lng: 10.13 },
  openingHours: {
    mon: workshopDay,
    tue: workshopDay,
    wed: workshopDay,
    thu: workshopDay,
    fri: workshopDay,
    sat: [["09:00", "13:00"]] as [string, string][],
    sun: closed,
  },
  closures: [{ from: "2027-12-24", to: "2027-12-26", reason: "Weihnachten" }],
  policies: {
    approvalRequired: false,
    holdTtlMinutes: 10,
    minNoticeMinutes: 120,
    maxAdvanceDays: 90,
    cancellationNoticeHours: 24,
  },
};

export const workshopBays = [1, 2, 3].map((n) => ({
  name: `Bühne ${n}`,
  kind: "bay",
  capacity: 1,
}));

const carQuestions = [
  { key: "make", label: "Marke", type: "text" as const, required: true },
  { key: "model", label: "Modell", type: "text" as const, required: true },
  { key: "plate", label: "Kennzeichen", type: "text" as const, required: true },
];

export const workshopServices = [
  { name: "Reifenwechsel", durationMinutes: 30, amount: 4900 },
  { name: "Inspektion", durationMinutes: 60, amount: 14900 },
  { name: "Bremsen-Service", durationMinutes: 90, amount: 22900 },
].map((service) => ({
  name: service.name,
  mode: "slot" as const,
  price: { amount: service.amount, currency: "EUR" },
  slot: {
    durationMinutes: service.durationMinutes,
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    stepMinutes: 15,
  },
  questions: carQuestions,
}));
