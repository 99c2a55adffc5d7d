import type { BookingDto, OfferingDto, ResourceDto, VenueDto } from "@booking/contracts";
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, {
  escape as escapeText,
  ICalAttendeeRole,
  ICalCalendarMethod,
  ICalEventStatus,
  ICalEventTransparency,
  type ICalTemporalInstantStub,
  type ICalTemporalPlainDateStub,
  type ICalTemporalPlainDateTimeStub,
  type ICalTemporalZonedDateTimeStub,
} from "ical-generator";
import type { BookingStatus } from "../db/schema.ts";
import { venueLanguage } from "../language/venue-language.ts";
import type { CalendarDocument, CalendarEntry } from "./calendar-entry.ts";

/** PRODID: who made the file (RFC 5545 §3.7.3). */
const PRODUCT = { company: "Booking", product: "Booking system", language: "EN" };

/**
 * The one iCalendar writer of the api (docs/api.md, "Bookings", "Calendar feeds" and the
 * mails): one VEVENT per entry, UID = booking id, SEQUENCE = the booking's version, start
 * and end as the venue's wall-clock time with its TZID and one VTIMEZONE per zone used.
 * ical-generator writes the text (escaping, folding, CRLF); nothing here writes a line.
 */
export function bookingCalendar(document: CalendarDocument): string {
  const calendar = ical({ prodId: PRODUCT, scale: "GREGORIAN" });
  // No calendar-wide zone (it would turn DTSTAMP into local time): each event names its
  // own, and the generator adds the VTIMEZONE of every zone the events use, once.
  calendar.timezone({ name: null, generator: vtimezoneOf });
  if (document.method) calendar.method(ICalCalendarMethod[document.method]);
  // ical-generator writes the name as it is; a feed's name is user input.
  if (document.name) calendar.name(escapeText(document.name, false));
  if (document.refreshIntervalSeconds) calendar.ttl(document.refreshIntervalSeconds);
  const scheduling = document.method === "REQUEST" || document.method === "CANCEL";
  if (scheduling && (!document.organizer || !document.attendee)) {
    throw new Error(`METHOD:${document.method} needs an organizer and an attendee`);
  }
  for (const entry of document.entries) {
    const status = eventStatus(entry.status);
    // A zone without a VTIMEZONE definition would leave the TZID unresolvable: such an
    // entry is written in UTC instead, which every client reads right.
    const timeZone = vtimezoneOf(entry.timeZone) ? entry.timeZone : null;
    calendar.createEvent({
      id: entry.bookingId,
      sequence: entry.sequence,
      start: instant(entry.start),
      end: instant(entry.end),
      timezone: timeZone,
      stamp: new Date(entry.updatedAt),
      created: new Date(entry.createdAt),
      lastModified: new Date(entry.updatedAt),
      status,
      // A cancelled booking no longer makes anyone busy.
      ...(status === ICalEventStatus.CANCELLED
        ? { transparency: ICalEventTransparency.TRANSPARENT }
        : {}),
      summary: entry.summary,
      ...(entry.description ? { description: entry.description } : {}),
      ...(entry.location ? { location: entry.location } : {}),
      ...(entry.url ? { url: entry.url } : {}),
      ...(scheduling && document.organizer && document.attendee
        ? {
            organizer: { name: document.organizer.name, email: document.organizer.email },
            attendees: [
              {
                email: document.attendee.email,
                ...(document.attendee.name ? { name: document.attendee.name } : {}),
                role: ICalAttendeeRole.REQ,
                rsvp: false,
              },
            ],
          }
        : {}),
    });
  }
  return `${calendar.toString()}\r\n`;
}

/** The booking's status as the VEVENT's STATUS. */
export function eventStatus(status: BookingStatus): ICalEventStatus {
  switch (status) {
    case "confirmed":
    case "completed":
      return ICalEventStatus.CONFIRMED;
    case "held":
    case "pending":
      return ICalEventStatus.TENTATIVE;
    case "rejected":
    case "cancelled":
    case "expired":
    case "no_show":
      return ICalEventStatus.CANCELLED;
  }
}

export interface CalendarEntryOptions {
  /** Where the booking is managed (under PUBLIC_URL). */
  url?: string | undefined;
  /** The booker's name, for staff's calendars (a venue feed): in the summary and description. */
  bookerName?: string | undefined;
  /** The description's language; absent: the venue's. */
  language?: "de" | "en" | undefined;
}

/** What the description says, in each language the system speaks. */
const LABELS = {
  en: {
    status: "Status",
    guests: "Guests",
    bookedBy: "Booked by",
    statuses: {
      held: "held",
      pending: "waiting for confirmation",
      confirmed: "confirmed",
      completed: "completed",
      rejected: "rejected",
      cancelled: "cancelled",
      expired: "expired",
      no_show: "no-show",
    },
  },
  de: {
    status: "Status",
    guests: "Personen",
    bookedBy: "Gebucht von",
    statuses: {
      held: "vorgemerkt",
      pending: "wartet auf Bestätigung",
      confirmed: "bestätigt",
      completed: "abgeschlossen",
      rejected: "abgelehnt",
      cancelled: "storniert",
      expired: "abgelaufen",
      no_show: "nicht erschienen",
    },
  },
} as const satisfies Record<
  "de" | "en",
  { status: string; guests: string; bookedBy: string; statuses: Record<BookingStatus, string> }
>;

/**
 * A booking as a calendar entry, the same for the mails, the booking's download and the
 * feeds: "<venue> – <offering> (<resources>)", at the venue's address, in its time zone.
 */
export function calendarEntryOf(
  booking: BookingDto,
  catalog: { venue: VenueDto; offering?: OfferingDto | undefined; resources: ResourceDto[] },
  options: CalendarEntryOptions = {},
): CalendarEntry {
  const { venue, offering } = catalog;
  const names = booking.resourceIds
    .map((id) => catalog.resources.find((resource) => resource.id === id)?.name)
    .filter((name): name is string => name !== undefined);
  const title = [venue.name, offering?.name].filter(Boolean).join(" – ");
  const what = names.length > 0 ? `${title} (${names.join(", ")})` : title;
  const summary = options.bookerName ? `${what} – ${options.bookerName}` : what;
  const address = venue.address;
  const labels = LABELS[options.language ?? venueLanguage(venue)];
  const description = [
    `${labels.status}: ${labels.statuses[booking.status]}`,
    `${labels.guests}: ${booking.guests}`,
    ...(options.bookerName ? [`${labels.bookedBy}: ${options.bookerName}`] : []),
    ...(options.url ? [options.url] : []),
  ].join("\n");
  return {
    bookingId: booking.id,
    sequence: booking.version,
    status: booking.status,
    start: booking.start,
    end: booking.end,
    timeZone: venue.timeZone,
    summary,
    description,
    ...(address ? { location: `${address.street}, ${address.postalCode} ${address.city}` } : {}),
    ...(options.url ? { url: options.url } : {}),
    updatedAt: booking.updatedAt,
    createdAt: booking.createdAt,
  };
}

const vtimezones = new Map<string, string | null>();

/** The VTIMEZONE of an IANA zone (from @touch4it/ical-timezones), null for UTC or an unknown one. */
function vtimezoneOf(timeZone: string): string | null {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return null;
  let component = vtimezones.get(timeZone);
  if (component === undefined) {
    component = getVtimezoneComponent(timeZone);
    vtimezones.set(timeZone, component);
  }
  return component;
}

// ---- instants for ical-generator ----
//
// ical-generator turns a plain Date into local time with the *process's* zone; given a
// Temporal-like instant it asks for the time in the event's zone instead. Node has no
// Temporal yet, so these small stubs answer its questions with Intl.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(epochMilliseconds: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const part of formatterOf(timeZone).formatToParts(epochMilliseconds)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

function instant(iso: string): ICalTemporalInstantStub {
  return instantAt(new Date(iso).getTime());
}

function instantAt(epochMilliseconds: number): ICalTemporalInstantStub {
  const text = () => new Date(epochMilliseconds).toISOString();
  return {
    epochMilliseconds,
    toJSON: text,
    toString: text,
    toZonedDateTimeISO: (timeZone) => zoned(epochMilliseconds, timeZone),
  };
}

function zoned(epochMilliseconds: number, timeZoneId: string): ICalTemporalZonedDateTimeStub {
  const clock = wallClock(epochMilliseconds, timeZoneId);
  const text = () => `${new Date(epochMilliseconds).toISOString()}[${timeZoneId}]`;
  return {
    ...clock,
    timeZoneId,
    toInstant: () => instantAt(epochMilliseconds),
    toJSON: text,
    toString: text,
    toPlainDateTime: () => plainDateTime(clock),
    withTimeZone: (timeZone) => zoned(epochMilliseconds, timeZone),
  };
}

function plainDateTime(clock: WallClock): ICalTemporalPlainDateTimeStub {
  const pad = (value: number, length = 2) => String(value).padStart(length, "0");
  const text = () =>
    `${pad(clock.year, 4)}-${pad(clock.month)}-${pad(clock.day)}T${pad(clock.hour)}:${pad(clock.minute)}:${pad(clock.second)}`;
  return {
    ...clock,
    toJSON: text,
    toString: text,
    toPlainDate: (): ICalTemporalPlainDateStub => ({
      year: clock.year,
      month: clock.month,
      day: clock.day,
      toJSON: () => text().slice(0, 10),
      toString: () => text().slice(0, 10),
    }),
    toZonedDateTime: (timeZone) => zoned(epochOf(clock, timeZone), timeZone),
  };
}

/** The instant of a wall-clock time in a zone (the earlier one in a repeated hour). */
function epochOf(clock: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(
    clock.year,
    clock.month - 1,
    clock.day,
    clock.hour,
    clock.minute,
    clock.second,
  );
  const offsetAt = (epoch: number) => {
    const local = wallClock(epoch, timeZone);
    return (
      Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second) -
      epoch
    );
  };
  const first = asUtc - offsetAt(asUtc);
  return asUtc - offsetAt(first);
}
