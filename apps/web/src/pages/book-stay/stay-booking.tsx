import { bookingErrorInfo } from "@booking/client";
import type { BookingDto, OfferingDto, VenueDto } from "@booking/contracts";
import {
  keepPreviousData,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { Link, useLocation } from "@tanstack/react-router";
import { type FormEvent, lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { formatPrice } from "../../i18n/format-price.ts";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useSession } from "../../session/use-session.ts";
import { trpc } from "../../trpc.ts";
import { TimeZoneNote } from "../venues/time-zone-note.tsx";
import "./book-stay.css";
import { CalendarLoading } from "./calendar-loading.tsx";
import {
  addDays,
  daysBetween,
  formatLocalDate,
  type LocalDate,
  monthStart,
  todayIn,
} from "./local-date.ts";
import type { DayState } from "./stay-calendar.tsx";
import { type StayField, type StayProblem, stayProblem } from "./stay-problems.ts";
import { type Room, stayAvailability } from "./stay-rooms.ts";
import { useWideScreen } from "./use-wide-screen.ts";

const notesMax = 2000;
const keepKeyAfter = new Set(["INTERNAL", "UNAVAILABLE", "CONCURRENCY_CONFLICT", "RATE_LIMITED"]);

function clampMonth(month: LocalDate, first: LocalDate, last: LocalDate): LocalDate {
  if (month < first) return first;
  return month > last ? last : month;
}

// The calendar (react-day-picker) loads with the form rather than with every page.
const StayCalendar = lazy(() =>
  import("./stay-calendar.tsx").then((module) => ({ default: module.StayCalendar })),
);

/** A key for one attempt: random, and made without crypto.randomUUID (insecure origins). */
function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `stay-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

/** Booking a stay of this offering: nights, rooms, guests, the quote, the request. */
export function StayBooking({ venue, offering }: { venue: VenueDto; offering: OfferingDto }) {
  const [done, setDone] = useState<{ booking: BookingDto; rooms: string[] }>();
  if (offering.mode !== "stay") return null;
  return done ? (
    <StayConfirmation
      venue={venue}
      offering={offering}
      booking={done.booking}
      rooms={done.rooms}
      onAnother={() => setDone(undefined)}
    />
  ) : (
    <StayForm
      venue={venue}
      offering={offering}
      onBooked={(booking, rooms) => setDone({ booking, rooms })}
    />
  );
}

type StayOffering = Extract<OfferingDto, { mode: "stay" }>;

function StayForm({
  venue,
  offering,
  onBooked,
}: {
  venue: VenueDto;
  offering: StayOffering;
  onBooked: (booking: BookingDto, rooms: string[]) => void;
}) {
  const { t, language } = useI18n();
  const locale = locales[language];
  const describe = useErrorMessage();
  const queryClient = useQueryClient();
  const { user, isPending: sessionPending } = useSession();
  const here = useLocation({ select: (location) => location.href });
  const wide = useWideScreen();
  const ids = useId();
  const { stay } = offering;

  const today = todayIn(venue.timeZone);
  const firstMonth = monthStart(today);
  const lastMonth = monthStart(addDays(today, venue.policies.maxAdvanceDays));
  const monthCount = wide ? 2 : 1;
  const [month, setMonth] = useState(firstMonth);
  const [guestsText, setGuestsText] = useState("2");
  const [checkIn, setCheckIn] = useState<LocalDate>();
  const [checkOut, setCheckOut] = useState<LocalDate>();
  const [chosen, setChosen] = useState<string[]>([]);
  const [notes, setNotes] = useState("");
  const [submitted, setSubmitted] = useState(false);
  const attempt = useRef<{ body: string; key: string }>(undefined);

  const guests = Number(guestsText);
  const guestsValid =
    guestsText.trim() !== "" && Number.isInteger(guests) && guests >= 1 && guests <= 20;
  const party = guestsValid ? guests : 1;

  const resources = useQuery(trpc.resources.list.queryOptions({ venueId: venue.id }));
  const rooms: Room[] = useMemo(() => {
    const items = resources.data?.items ?? [];
    return offering.resourceIds.flatMap((id) => {
      const room = items.find((item) => item.id === id && item.active);
      return room ? [{ id: room.id, name: room.name, capacity: room.capacity }] : [];
    });
  }, [resources.data, offering.resourceIds]);
  const roomById = useMemo(() => new Map(rooms.map((room) => [room.id, room])), [rooms]);

  // One query per month: the visible ones, and those back to the check-in, so that a
  // range across a month's end is checked night by night.
  const lastVisible = monthStart(month, monthCount);
  const fetchFrom = checkIn && monthStart(checkIn) < month ? monthStart(checkIn) : month;
  const months: LocalDate[] = [];
  for (
    let first = fetchFrom;
    first < lastVisible && months.length < 14;
    first = monthStart(first, 1)
  ) {
    months.push(first);
  }
  const nightQueries = useQueries({
    queries: months.map((first) =>
      trpc.availability.forOffering.queryOptions({
        offeringId: offering.id,
        query: { from: first, to: monthStart(first, 1) },
      }),
    ),
  });
  const nightsLoading = nightQueries.some((query) => query.isPending);
  const nightsError = nightQueries.find((query) => query.isError)?.error;
  const free = useMemo(() => {
    const map = new Map<LocalDate, string[]>();
    for (const query of nightQueries) {
      if (query.data && "nights" in query.data) {
        for (const night of query.data.nights) map.set(night.date, night.freeResourceIds);
      }
    }
    return map;
  }, [nightQueries]);
  const availability = useMemo(
    () => stayAvailability(free, rooms, party, stay.maxNights),
    [free, rooms, party, stay.maxNights],
  );
  const freeRoomCount = (night: LocalDate) =>
    (free.get(night) ?? []).filter((id) => roomById.has(id)).length;
  const closed = (night: LocalDate) =>
    venue.closures.some((closure) => closure.from <= night && night <= closure.to);
  const checkOuts = useMemo(
    () => (checkIn ? availability.checkOuts(checkIn) : new Set<LocalDate>()),
    [availability, checkIn],
  );
  const freeRooms = checkIn && checkOut ? availability.roomsFor(checkIn, checkOut) : [];
  const chosenRooms = freeRooms.filter((room) => chosen.includes(room.id));
  const nights = checkIn && checkOut ? daysBetween(checkIn, checkOut) : 0;

  const create = useMutation(trpc.bookings.create.mutationOptions());
  const changed = () => {
    if (create.isError) create.reset();
  };

  const ready = Boolean(checkIn && checkOut && chosenRooms.length > 0 && guestsValid);
  const quoteInput = {
    offeringId: offering.id,
    resourceIds: chosenRooms.map((room) => room.id),
    checkIn: checkIn ?? "",
    checkOut: checkOut ?? "",
    guests: party,
  };
  const quote = useQuery({
    ...trpc.availability.quote.queryOptions(quoteInput),
    enabled: ready,
    placeholderData: keepPreviousData,
  });

  const facts = {
    minNights: stay.minNights,
    maxNights: stay.maxNights,
    guests: party,
    rooms: roomById,
    chosen: chosenRooms.map((room) => room.id),
  };
  const createInfo = create.isError ? bookingErrorInfo(create.error) : undefined;
  const createProblem = create.isError ? stayProblem(createInfo, facts) : undefined;
  const quoteProblem =
    ready && quote.isError ? stayProblem(bookingErrorInfo(quote.error), facts) : undefined;
  const problem: StayProblem | undefined = createProblem ?? quoteProblem;
  const notesOver = notes.trim().length - notesMax;

  const message = (field: StayField): string | undefined => {
    if (problem?.field === field) return t(problem.key, problem.values);
    if (field === "guests" && !guestsValid) return t("bookStay.guestsInvalid");
    if (field === "notes" && notesOver > 0) return t("bookStay.notesTooLong", { over: notesOver });
    if (!submitted) return undefined;
    if (field === "dates" && !(checkIn && checkOut)) return t("bookStay.datesRequired");
    if (field === "rooms" && checkIn && checkOut && chosenRooms.length === 0) {
      return t("bookStay.roomsRequired");
    }
    return undefined;
  };
  const formError =
    create.isError && !createProblem
      ? describe(create.error)
      : createProblem?.field === "form"
        ? t(createProblem.key)
        : undefined;

  // A room someone else just took: the free nights are stale, read them again.
  useEffect(() => {
    if (createInfo?.code === "SLOT_UNAVAILABLE") {
      void queryClient.invalidateQueries({ queryKey: trpc.availability.forOffering.pathKey() });
    }
  }, [createInfo?.code, queryClient]);

  const pick = (date: LocalDate) => {
    changed();
    if (checkIn && !checkOut && date > checkIn && checkOuts.has(date)) {
      setCheckOut(date);
    } else {
      setCheckIn(date);
      setCheckOut(undefined);
    }
  };
  const dayState = (date: LocalDate): DayState => {
    if (date === checkIn) return "checkIn";
    if (date === checkOut) return "checkOut";
    if (checkIn && checkOut && date > checkIn && date < checkOut) return "stay";
    if (checkIn && !checkOut && checkOuts.has(date)) return "checkOutPossible";
    if (!free.has(date)) return "unknown";
    if (availability.nightFree(date)) return "free";
    return closed(date) ? "closed" : "full";
  };
  const selectable = (date: LocalDate) =>
    (checkIn && !checkOut && checkOuts.has(date)) || availability.nightFree(date);

  const focusFirstProblem = (form: HTMLFormElement) => {
    requestAnimationFrame(() => {
      form
        .querySelector<HTMLElement>('[aria-invalid="true"], .stay-invalid [tabindex="0"]')
        ?.focus();
    });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    const form = event.currentTarget;
    if (!ready || notesOver > 0 || !checkIn || !checkOut || create.isPending) {
      focusFirstProblem(form);
      return;
    }
    const booking = {
      offeringId: offering.id,
      resourceIds: chosenRooms.map((room) => room.id),
      checkIn,
      checkOut,
      guests,
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    };
    // The same request keeps its key, so a retry or a second click never books twice.
    const body = JSON.stringify(booking);
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() };
    create.mutate(
      { booking, idempotencyKey: attempt.current.key },
      {
        onSuccess: ({ booking: made }) => {
          attempt.current = undefined;
          void queryClient.invalidateQueries({ queryKey: trpc.availability.forOffering.pathKey() });
          onBooked(
            made,
            chosenRooms.map((room) => room.name),
          );
        },
        onError: (error) => {
          // The api remembers a refusal under its key; after one, the next try is a new
          // attempt. A lost connection or a server failure keeps the key for the retry.
          const code = bookingErrorInfo(error)?.code;
          if (code && !keepKeyAfter.has(code)) attempt.current = undefined;
          focusFirstProblem(form);
        },
      },
    );
  };

  const nightWords = (count: number) =>
    t(
      new Intl.PluralRules(locale).select(count) === "one"
        ? "bookStay.nightCount.one"
        : "bookStay.nightCount.other",
      {
        count,
      },
    );
  const datesError = message("dates");
  const roomsError = message("rooms");
  const guestsError = message("guests");
  const notesError = message("notes");

  return (
    <form
      className="stack stay-booking"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${ids}-title`}
    >
      <div>
        <h2 id={`${ids}-title`} className="stay-title">
          {t("bookStay.title")}
        </h2>
        <p className="stay-terms" data-testid="stay-terms">
          {t("bookStay.terms", {
            price: formatPrice(offering.price, language),
            checkIn: stay.checkInTime,
            checkOut: stay.checkOutTime,
          })}{" "}
          {stay.perGuestNightly > 0 &&
            t("bookStay.surcharge", {
              price: formatPrice(
                { amount: stay.perGuestNightly, currency: offering.price.currency },
                language,
              ),
            })}
        </p>
        <TimeZoneNote zone={venue.timeZone} />
      </div>

      <section className="card" aria-labelledby={`${ids}-dates`}>
        <h2 id={`${ids}-dates`}>{t("bookStay.dates")}</h2>
        <div className="field stay-guests">
          <label htmlFor="stay-guests">{t("bookStay.guests")}</label>
          <input
            id="stay-guests"
            name="guests"
            type="number"
            inputMode="numeric"
            min={1}
            max={20}
            step={1}
            value={guestsText}
            onChange={(event) => {
              changed();
              setGuestsText(event.target.value);
            }}
            aria-invalid={guestsError ? true : undefined}
            aria-describedby={`stay-guests-hint${guestsError ? " stay-guests-error" : ""}`}
          />
          <p className="field-hint" id="stay-guests-hint">
            {t("bookStay.guestsHint")}
          </p>
          {guestsError && (
            <p className="field-error" id="stay-guests-error">
              {guestsError}
            </p>
          )}
        </div>

        <p className="stay-instruction" id="stay-calendar-hint" aria-live="polite">
          {checkIn && !checkOut ? t("bookStay.pickCheckOut") : t("bookStay.pickCheckIn")}{" "}
          {t("bookStay.nightsHint", { min: stay.minNights, max: stay.maxNights })}
          <span className="visually-hidden"> {t("bookStay.calendarKeys")}</span>
        </p>
        <div className={datesError ? "stay-invalid" : undefined}>
          <Suspense fallback={<CalendarLoading />}>
            <StayCalendar
              today={today}
              month={month}
              firstMonth={firstMonth}
              lastMonth={lastMonth}
              onMonthChange={(next) => setMonth(clampMonth(next, firstMonth, lastMonth))}
              checkIn={checkIn}
              checkOut={checkOut}
              dayState={dayState}
              freeRooms={freeRoomCount}
              selectable={selectable}
              onPick={pick}
              describedBy={datesError ? "stay-dates-error" : undefined}
            />
          </Suspense>
        </div>
        {nightsLoading && (
          <p className="muted" aria-busy="true">
            {t("bookStay.availabilityLoading")}
          </p>
        )}
        {nightsError && (
          <div className="stay-load-error">
            <Alert kind="error">
              {t("bookStay.availabilityError", { message: describe(nightsError) })}
            </Alert>
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() =>
                void queryClient.invalidateQueries({
                  queryKey: trpc.availability.forOffering.pathKey(),
                })
              }
            >
              {t("bookStay.retry")}
            </button>
          </div>
        )}
        <ul className="stay-legend" aria-hidden="true">
          <li>
            <span className="stay-swatch night-free" /> {t("bookStay.legendFree")}
          </li>
          <li>
            <span className="stay-swatch night-full" /> {t("bookStay.legendFull")}
          </li>
          <li>
            <span className="stay-swatch night-closed" /> {t("bookStay.legendClosed")}
          </li>
          <li>
            <span className="stay-swatch night-stay" /> {t("bookStay.legendChosen")}
          </li>
        </ul>
        {checkIn && (
          <dl className="facts stay-range" data-testid="stay-range">
            <dt>{t("bookStay.checkIn")}</dt>
            <dd>
              {t("bookStay.checkInAt", {
                date: formatLocalDate(checkIn, locale, { dateStyle: "full" }),
                time: stay.checkInTime,
              })}
            </dd>
            {checkOut && (
              <>
                <dt>{t("bookStay.checkOut")}</dt>
                <dd>
                  {t("bookStay.checkOutAt", {
                    date: formatLocalDate(checkOut, locale, { dateStyle: "full" }),
                    time: stay.checkOutTime,
                  })}
                </dd>
                <dt className="visually-hidden">{t("bookStay.done.dates")}</dt>
                <dd className="stay-nights">{nightWords(nights)}</dd>
              </>
            )}
          </dl>
        )}
        {datesError && (
          <p className="field-error" id="stay-dates-error" role="alert">
            {datesError}
          </p>
        )}
        {checkIn && (
          <button
            type="button"
            className="button button-secondary button-small stay-clear"
            onClick={() => {
              changed();
              setCheckIn(undefined);
              setCheckOut(undefined);
            }}
          >
            {t("bookStay.clearDates")}
          </button>
        )}
      </section>

      <section className="card" aria-labelledby={`${ids}-rooms`}>
        <fieldset
          className="stay-rooms"
          id="stay-rooms"
          aria-describedby={roomsError ? "stay-rooms-error" : undefined}
        >
          <legend>
            <h2 id={`${ids}-rooms`}>{t("bookStay.rooms")}</h2>
          </legend>
          {resources.isPending ? (
            <p aria-busy="true">{t("app.loading")}</p>
          ) : resources.isError ? (
            <Alert kind="error">
              {t("bookStay.roomsError", { message: describe(resources.error) })}
            </Alert>
          ) : !(checkIn && checkOut) ? (
            <p className="empty">{t("bookStay.roomsPickDates")}</p>
          ) : freeRooms.length === 0 ? (
            <p className="empty">{t("bookStay.roomsNone")}</p>
          ) : (
            <>
              <p className="field-hint">{t("bookStay.roomsHint")}</p>
              <ul className="stay-room-list">
                {freeRooms.map((room) => (
                  <li key={room.id}>
                    <label className="stay-room">
                      <input
                        type="checkbox"
                        name="rooms"
                        value={room.id}
                        checked={chosen.includes(room.id)}
                        aria-invalid={roomsError ? true : undefined}
                        onChange={(event) => {
                          changed();
                          setChosen((before) =>
                            event.target.checked
                              ? [...before, room.id]
                              : before.filter((id) => id !== room.id),
                          );
                        }}
                      />
                      <span className="stay-room-name">{room.name}</span>
                      <span className="muted">
                        {t("bookStay.sleeps", { count: room.capacity })}
                      </span>
                    </label>
                  </li>
                ))}
              </ul>
            </>
          )}
          {roomsError && (
            <p className="field-error" id="stay-rooms-error" role="alert">
              {roomsError}
            </p>
          )}
        </fieldset>
      </section>

      <section className="card" aria-labelledby={`${ids}-price`} aria-busy={quote.isFetching}>
        <h2 id={`${ids}-price`}>{t("bookStay.price")}</h2>
        {quoteProblem && <p className="empty">{t("bookStay.priceBlocked")}</p>}
        <StayQuote
          ready={ready && !quoteProblem}
          blocked={Boolean(quoteProblem)}
          quote={quote.data?.price}
          fetching={quote.isFetching}
          error={ready && quote.isError && !quoteProblem ? describe(quote.error) : undefined}
          rooms={chosenRooms}
          nights={nights}
          perGuest={stay.perGuestNightly > 0}
        />
      </section>

      <section className="card">
        <div className="field">
          <label htmlFor="stay-notes">{t("bookStay.notes")}</label>
          <textarea
            id="stay-notes"
            name="notes"
            className="stay-notes"
            rows={3}
            value={notes}
            onChange={(event) => {
              changed();
              setNotes(event.target.value);
            }}
            aria-invalid={notesError ? true : undefined}
            aria-describedby={`stay-notes-hint${notesError ? " stay-notes-error" : ""}`}
          />
          <p className="field-hint" id="stay-notes-hint">
            {t("bookStay.notesHint", {
              max: notesMax.toLocaleString(locale),
              left: Math.max(0, notesMax - notes.trim().length).toLocaleString(locale),
            })}
          </p>
          {notesError && (
            <p className="field-error" id="stay-notes-error">
              {notesError}
            </p>
          )}
        </div>
        <p className="muted">
          {venue.policies.approvalRequired ? t("bookStay.approval") : t("bookStay.instant")}
        </p>
        {formError && <Alert kind="error">{formError}</Alert>}
        {sessionPending ? (
          <p aria-busy="true">{t("app.loading")}</p>
        ) : user ? (
          <button type="submit" className="button stay-submit" disabled={create.isPending}>
            {create.isPending
              ? t("bookStay.submitting")
              : venue.policies.approvalRequired
                ? t("bookStay.submit")
                : t("bookStay.submitInstant")}
          </button>
        ) : (
          <div className="stay-login" data-testid="stay-login">
            <p>{t("bookStay.loginNeeded")}</p>
            <p className="actions">
              <Link to="/login" search={{ next: here }} className="button">
                {t("bookStay.login")}
              </Link>
              <Link to="/register" className="button button-secondary">
                {t("bookStay.register")}
              </Link>
            </p>
          </div>
        )}
      </section>
    </form>
  );
}

function StayQuote({
  ready,
  blocked,
  quote,
  fetching,
  error,
  rooms,
  nights,
  perGuest,
}: {
  ready: boolean;
  blocked: boolean;
  quote:
    | {
        amount: number;
        currency: string;
        lines: { label: string; quantity: number; unitAmount: number; amount: number }[];
      }
    | undefined;
  fetching: boolean;
  error: string | undefined;
  rooms: Room[];
  nights: number;
  perGuest: boolean;
}) {
  const { t, language } = useI18n();
  if (error) return <Alert kind="error">{error}</Alert>;
  if (blocked) return null;
  if (!ready || !quote) {
    return fetching && ready ? (
      <p aria-busy="true">{t("bookStay.priceUpdating")}</p>
    ) : (
      <p className="empty">{t("bookStay.priceHint")}</p>
    );
  }
  const money = (amount: number) => formatPrice({ amount, currency: quote.currency }, language);
  // The server's labels are English; the lines are one per room (in the order asked),
  // then the guest surcharge, so they can be said in the reader's language.
  const known = quote.lines.length === rooms.length + (perGuest ? 1 : 0);
  return (
    <>
      <table className="stay-quote" data-testid="quote">
        <tbody>
          {quote.lines.map((line, index) => {
            const room = rooms[index];
            const label = !known
              ? line.label
              : room
                ? t("bookStay.priceLineRoom", {
                    room: room.name,
                    nights,
                    price: money(line.unitAmount),
                  })
                : t("bookStay.priceLineGuests", {
                    count: line.quantity,
                    price: money(line.unitAmount),
                  });
            return (
              <tr key={line.label}>
                <th scope="row">{label}</th>
                <td>{money(line.amount)}</td>
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t("bookStay.total")}</th>
            <td data-testid="quote-total">{money(quote.amount)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="muted stay-updating" aria-live="polite">
        {fetching ? t("bookStay.priceUpdating") : ""}
      </p>
    </>
  );
}

function StayConfirmation({
  venue,
  offering,
  booking,
  rooms,
  onAnother,
}: {
  venue: VenueDto;
  offering: StayOffering;
  booking: BookingDto;
  rooms: string[];
  onAnother: () => void;
}) {
  const { t, language } = useI18n();
  const locale = locales[language];
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView?.({ block: "start" });
  }, []);
  const pending = booking.status === "pending";
  const date = (value: string | undefined) =>
    value ? formatLocalDate(value, locale, { dateStyle: "full" }) : "";
  return (
    <section className="card stay-done" aria-labelledby="stay-done-title" data-testid="stay-done">
      <h2 id="stay-done-title" ref={heading} tabIndex={-1}>
        {pending ? t("bookStay.done.pendingTitle") : t("bookStay.done.confirmedTitle")}
      </h2>
      <Alert kind="success">
        {pending ? t("bookStay.done.pending") : t("bookStay.done.confirmed")}
      </Alert>
      <dl className="facts">
        <dt>{t("bookStay.done.dates")}</dt>
        <dd>
          {t("bookStay.checkInAt", {
            date: date(booking.checkIn),
            time: offering.stay.checkInTime,
          })}
          <br />
          {t("bookStay.checkOutAt", {
            date: date(booking.checkOut),
            time: offering.stay.checkOutTime,
          })}
        </dd>
        <dt>{t("bookStay.done.rooms")}</dt>
        <dd>{rooms.join(", ")}</dd>
        <dt>{t("bookStay.done.guests")}</dt>
        <dd>{booking.guests}</dd>
        <dt>{t("bookStay.done.price")}</dt>
        <dd data-testid="done-price">{formatPrice(booking.price, language)}</dd>
      </dl>
      <TimeZoneNote zone={venue.timeZone} />
      <p className="actions">
        <Link to="/bookings/$bookingId" params={{ bookingId: booking.id }} className="button">
          {t("bookStay.done.open")}
        </Link>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          {t("bookStay.done.another")}
        </button>
      </p>
    </section>
  );
}
