import { bookingErrorInfo } from "@booking/client";
import type { BookingDto, OfferingDto, VenueDto } from "@booking/contracts";
import {
  skipToken,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { Link, useLocation } from "@tanstack/react-router";
import { type FormEvent, lazy, Suspense, useEffect, useMemo, useRef, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import type { MessageKey } from "../../i18n/en.ts";
import { formatPrice } from "../../i18n/format-price.ts";
import { languageNames, languages } from "../../i18n/languages.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useSession } from "../../session/use-session.ts";
import { bookingClient, trpc } from "../../trpc.ts";
import { CalendarLoading } from "../book-stay/calendar-loading.tsx";
import { laterDate, monthStart } from "../book-stay/local-date.ts";
import { useWideScreen } from "../book-stay/use-wide-screen.ts";
import { TimeZoneNote } from "../venues/time-zone-note.tsx";
import "./book-slot.css";
import { BookingConfirmation } from "./booking-confirmation.tsx";
import {
  answerProblems,
  answersToSend,
  type GuestContact,
  guestProblems,
  refusalOf,
  serverProblems,
} from "./booking-form.ts";
import { FormField } from "./form-field.tsx";
import { HoldCountdown } from "./hold-countdown.tsx";
import { PartyFields } from "./party-fields.tsx";
import { type Place, slotFits } from "./slot-fit.ts";
import { SlotList } from "./slot-list.tsx";
import { clientWithToken, newIdempotencyKey } from "./token-client.ts";
import { addDays, formatLongDay, formatTime, localDate } from "./zoned-time.ts";

// The calendar (react-day-picker) loads with the form rather than with every page.
const DayPicker = lazy(() =>
  import("./day-picker.tsx").then((module) => ({ default: module.DayPicker })),
);

interface Held {
  booking: BookingDto;
  manageToken?: string | undefined;
  /** One key per hold: a retried submission (lost answer) cannot book twice. */
  idempotencyKey: string;
}

type Notice =
  | { kind: "expired" }
  | { kind: "taken" }
  | { kind: "contact" }
  | { kind: "text"; text: string };

interface TextOf {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/** Booking an appointment of this offering: a day, a slot, the hold, the questions. */
export function SlotBooking({ venue, offering }: { venue: VenueDto; offering: OfferingDto }) {
  const { t, language } = useI18n();
  const describe = useErrorMessage();
  const { user, isPending: sessionPending } = useSession();
  const here = useLocation({ select: (location) => location.href });
  const queryClient = useQueryClient();
  const zone = venue.timeZone;
  const questions = offering.questions ?? [];

  const [today] = useState(() => localDate(new Date(), zone));
  const firstMonth = monthStart(today);
  const lastMonth = monthStart(addDays(today, venue.policies.maxAdvanceDays));
  const [month, setMonth] = useState(firstMonth);
  const monthCount = useWideScreen() ? 2 : 1;

  // Who comes and where: a party size when a place holds more than one, a choice of
  // place when the offering has several; both narrow the free days and times.
  const resources = useQuery(trpc.resources.list.queryOptions({ venueId: venue.id }));
  const places: Place[] = useMemo(() => {
    const items = resources.data?.items ?? [];
    return offering.resourceIds.flatMap((id) => {
      const place = items.find((item) => item.id === id && item.active);
      return place ? [{ id: place.id, name: place.name, capacity: place.capacity }] : [];
    });
  }, [resources.data, offering.resourceIds]);
  const [party, setParty] = useState(1);
  const [placeId, setPlaceId] = useState("");
  const fits = (slot: { freeResourceIds: readonly string[] }) =>
    slotFits(slot, places, party, placeId);

  // One query per visible month, from today on.
  const months = Array.from({ length: monthCount }, (_, index) => monthStart(month, index)).filter(
    (first) => first <= lastMonth,
  );
  const ranges = useQueries({
    queries: months.map((first) =>
      trpc.availability.forOffering.queryOptions({
        offeringId: offering.id,
        query: {
          from: laterDate(first, today),
          to: monthStart(first, 1),
          ...(party > 1 ? { guests: party } : {}),
        },
      }),
    ),
  });
  const rangesPending = ranges.some((range) => range.isPending);
  const loadedMonths = new Set(months.filter((_, index) => ranges[index]?.data));
  const known = (day: string) => day < today || loadedMonths.has(monthStart(day));
  const rangesError = ranges.find((range) => range.isError)?.error;
  const freeDays = new Set<string>();
  for (const range of ranges) {
    if (!range.data || !("slots" in range.data)) continue;
    for (const slot of range.data.slots) if (fits(slot)) freeDays.add(localDate(slot.start, zone));
  }

  const [date, setDate] = useState<string>();
  const slots = useQuery(
    trpc.availability.slots.queryOptions(date ? { offeringId: offering.id, date } : skipToken),
  );

  const [held, setHeld] = useState<Held>();
  const [notice, setNotice] = useState<Notice>();
  const [formError, setFormError] = useState<string>();
  const [guest, setGuest] = useState<GuestContact>({
    name: "",
    email: "",
    phone: "",
    language,
  });
  const [answers, setAnswers] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState("");
  const [problems, setProblems] = useState<Record<string, TextOf>>({});
  const [done, setDone] = useState<{ booking: BookingDto; manageToken?: string | undefined }>();
  const form = useRef<HTMLFormElement>(null);
  const heldHeading = useRef<HTMLHeadingElement>(null);
  const heldId = held?.booking.id;

  // Leaving the page gives the time back at once instead of when the hold runs out.
  const heldNow = useRef<Held | undefined>(undefined);
  heldNow.current = held;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only on leaving the page
  useEffect(
    () => () => {
      if (heldNow.current) release(heldNow.current);
    },
    [],
  );

  // On a phone the form lies below the day's times: a new hold brings it (and the
  // screen reader) to the countdown.
  useEffect(() => {
    if (heldId) heldHeading.current?.focus();
  }, [heldId]);

  const refreshAvailability = () =>
    queryClient.invalidateQueries({ queryKey: trpc.availability.pathKey() });

  function focusFirst(fields: Record<string, unknown>) {
    for (const element of Array.from(form.current?.elements ?? [])) {
      const name = element.getAttribute("name");
      if (name && fields[name] !== undefined && element instanceof HTMLElement) {
        element.focus();
        return;
      }
    }
  }

  function contactToSend() {
    return {
      name: guest.name.trim(),
      email: guest.email.trim(),
      phone: guest.phone.trim(),
      language: guest.language,
    };
  }

  /**
   * Gives a hold back (another time picked, the page left): the slot is free again for others
   * at once. Only a hold: a submission whose answer got lost must not be cancelled by this.
   */
  function release(hold: Held) {
    const client = hold.manageToken ? clientWithToken(hold.manageToken) : bookingClient;
    client.bookings.get
      .query({ id: hold.booking.id })
      .then(({ booking }) =>
        booking.status === "held" ? client.bookings.cancel.mutate({ id: booking.id }) : undefined,
      )
      .then(refreshAvailability, () => {
        // It runs out by itself within the hold time; nothing to tell the booker.
      });
  }

  function holdRanOut() {
    setHeld(undefined);
    setNotice({ kind: "expired" });
    setFormError(undefined);
    void refreshAvailability();
  }

  /** A refused hold or submission, as a sentence where it belongs. */
  function showRefusal(error: unknown, where: "slots" | "form") {
    const refusal = refusalOf(error);
    if (refusal.kind === "expired") return holdRanOut();
    if (refusal.kind === "taken") {
      setHeld(undefined);
      setNotice({ kind: "taken" });
      void refreshAvailability();
      return;
    }
    const fields = serverProblems(error);
    if (Object.keys(fields).length > 0) {
      setProblems(fields);
      setFormError(t("bookSlot.fixProblems"));
      focusFirst(fields);
      return;
    }
    const text =
      refusal.kind === "text" ? t(refusal.text.key, refusal.text.values) : describe(error);
    if (where === "slots") setNotice({ kind: "text", text });
    else setFormError(text);
  }

  const hold = useMutation({
    mutationFn: (start: string) =>
      bookingClient.bookings.hold.mutate({
        offeringId: offering.id,
        start,
        guests: party,
        ...(placeId ? { resourceIds: [placeId] } : {}),
        ...(user ? {} : { guest: contactToSend() }),
      }),
    onSuccess: (created) => {
      setHeld({ ...created, idempotencyKey: newIdempotencyKey() });
      void refreshAvailability();
    },
    onError: (error) => showRefusal(error, "slots"),
  });

  const submit = useMutation({
    mutationFn: (current: Held) => {
      const client = current.manageToken ? clientWithToken(current.manageToken) : bookingClient;
      const trimmedNotes = notes.trim();
      return client.bookings.submitHold.mutate({
        submit: {
          holdId: current.booking.id,
          answers: answersToSend(questions, answers),
          ...(trimmedNotes ? { notes: trimmedNotes } : {}),
          ...(user ? {} : { guest: contactToSend() }),
        },
        idempotencyKey: current.idempotencyKey,
      });
    },
    onSuccess: (created, current) => {
      // The submission may not repeat the token: the hold's token opens the same booking.
      setDone({
        booking: created.booking,
        manageToken: created.manageToken ?? current.manageToken,
      });
      setHeld(undefined);
      void refreshAvailability();
      window.scrollTo({ top: 0 });
    },
    onError: (error, current) => {
      // A refusal is final for this body; a fresh key lets the corrected form be sent.
      if (bookingErrorInfo(error)) {
        setHeld((now) =>
          now?.booking.id === current.booking.id
            ? { ...now, idempotencyKey: newIdempotencyKey() }
            : now,
        );
      }
      showRefusal(error, "form");
    },
  });

  function pickDay(next: string) {
    setDate(next);
    if (notice?.kind !== "contact") setNotice(undefined);
  }

  function pickSlot(slot: { start: string }) {
    setNotice(undefined);
    setFormError(undefined);
    if (!user) {
      const found = guestProblems(guest);
      if (Object.keys(found).length > 0) {
        setProblems(found);
        setNotice({ kind: "contact" });
        focusFirst(found);
        return;
      }
    }
    setProblems({});
    if (held) {
      if (held.booking.start === slot.start) return;
      release(held);
      setHeld(undefined);
    }
    hold.mutate(slot.start);
  }

  /** Another party size or place: a time kept for the old choice is given back. */
  function changeWho() {
    if (held) pickAnother();
  }

  function pickAnother() {
    if (held) release(held);
    setHeld(undefined);
    setFormError(undefined);
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!held || submit.isPending) return;
    const found = { ...(user ? {} : guestProblems(guest)), ...answerProblems(questions, answers) };
    setProblems(found);
    if (Object.keys(found).length > 0) {
      setFormError(t("bookSlot.fixProblems"));
      focusFirst(found);
      return;
    }
    setFormError(undefined);
    submit.mutate(held);
  }

  function startAgain() {
    setDone(undefined);
    setAnswers({});
    setNotes("");
    setNotice(undefined);
    setFormError(undefined);
  }

  const problem = (field: string) => {
    const text = problems[field];
    return text ? t(text.key, text.values) : undefined;
  };

  if (done) {
    return (
      <BookingConfirmation
        venue={venue}
        offering={offering}
        booking={done.booking}
        manageToken={done.manageToken}
        onAgain={startAgain}
      />
    );
  }
  if (sessionPending) return <p aria-busy="true">{t("app.loading")}</p>;

  const heldStart = held?.booking.start;
  return (
    <form ref={form} className="book-slot" noValidate onSubmit={onSubmit}>
      <TimeZoneNote zone={zone} />

      <section className="card" aria-labelledby="book-who">
        <h2 id="book-who">{t("bookSlot.who")}</h2>
        {user ? (
          <p data-testid="booking-as">{t("bookSlot.asMember", { name: user.name })}</p>
        ) : (
          <div className="stack">
            <p>
              {t("bookSlot.guestIntro")}{" "}
              <Link to="/login" search={{ next: here }}>
                {t("bookSlot.logIn")}
              </Link>
            </p>
            <FormField
              name="guest.name"
              label={t("bookSlot.guestName")}
              value={guest.name}
              onChange={(name) => setGuest({ ...guest, name })}
              control={{ kind: "input", autoComplete: "name" }}
              required
              maxLength={200}
              error={problem("guest.name")}
            />
            <FormField
              name="guest.email"
              label={t("bookSlot.guestEmail")}
              value={guest.email}
              onChange={(email) => setGuest({ ...guest, email })}
              control={{ kind: "input", type: "email", autoComplete: "email" }}
              required
              maxLength={254}
              error={problem("guest.email")}
            />
            <FormField
              name="guest.phone"
              label={t("bookSlot.guestPhone")}
              value={guest.phone}
              onChange={(phone) => setGuest({ ...guest, phone })}
              control={{ kind: "input", type: "tel", autoComplete: "tel" }}
              required
              maxLength={40}
              error={problem("guest.phone")}
            />
            <FormField
              name="guest.language"
              label={t("bookSlot.guestLanguage")}
              value={guest.language}
              onChange={(value) => setGuest({ ...guest, language: value === "de" ? "de" : "en" })}
              control={{
                kind: "select",
                options: languages.map((code) => ({ value: code, label: languageNames[code] })),
                noEmpty: true,
              }}
              error={problem("guest.language")}
            />
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="book-day">
        <h2 id="book-day">{t("bookSlot.day")}</h2>
        <PartyFields
          places={places}
          party={party}
          placeId={placeId}
          onParty={(next) => {
            changeWho();
            setParty(next);
            const place = places.find((candidate) => candidate.id === placeId);
            if (place && place.capacity < next) setPlaceId("");
          }}
          onPlace={(next) => {
            changeWho();
            setPlaceId(next);
          }}
        />
        {rangesError ? (
          <Alert kind="error">{describe(rangesError)}</Alert>
        ) : (
          !rangesPending && freeDays.size === 0 && <p>{t("bookSlot.noDays")}</p>
        )}
        <Suspense fallback={<CalendarLoading />}>
          <DayPicker
            today={today}
            month={month}
            firstMonth={firstMonth}
            lastMonth={lastMonth}
            onMonthChange={(next) => setMonth(laterDate(next, firstMonth))}
            freeDays={freeDays}
            known={known}
            selected={date}
            onSelect={pickDay}
          />
        </Suspense>
        {rangesPending && <p aria-busy="true">{t("app.loading")}</p>}
      </section>

      <section className="card" aria-labelledby="book-time" aria-live="polite">
        <h2 id="book-time">
          {date
            ? t("bookSlot.timesOn", { date: formatLongDay(date, language) })
            : t("bookSlot.time")}
        </h2>
        {notice?.kind === "expired" && <Alert kind="error">{t("bookSlot.holdExpired")}</Alert>}
        {notice?.kind === "taken" && <Alert kind="error">{t("bookSlot.slotTaken")}</Alert>}
        {notice?.kind === "contact" && <Alert kind="error">{t("bookSlot.contactFirst")}</Alert>}
        {notice?.kind === "text" && <Alert kind="error">{notice.text}</Alert>}
        {!date ? (
          <p>{t("bookSlot.pickDayFirst")}</p>
        ) : slots.isPending ? (
          <p aria-busy="true">{t("app.loading")}</p>
        ) : slots.isError ? (
          <Alert kind="error">{describe(slots.error)}</Alert>
        ) : slots.data.slots.length === 0 && !heldStart ? (
          <p>{t("bookSlot.noTimes")}</p>
        ) : (
          <SlotList
            slots={withHeld(slots.data.slots.filter(fits), held, date, zone)}
            zone={zone}
            held={heldStart}
            busy={hold.isPending || submit.isPending}
            onPick={pickSlot}
          />
        )}
        {hold.isPending && (
          <p role="status" aria-busy="true">
            {t("bookSlot.holding")}
          </p>
        )}
      </section>

      {held && (
        <>
          <section className="card hold-panel" aria-labelledby="book-held" data-testid="hold">
            <h2 id="book-held" ref={heldHeading} tabIndex={-1}>
              {t("bookSlot.held", {
                time: formatTime(held.booking.start, zone, language),
                date: formatLongDay(localDate(held.booking.start, zone), language),
              })}
            </h2>
            <HoldCountdown
              key={held.booking.id}
              expiresAt={held.booking.holdExpiresAt ?? held.booking.start}
              onExpire={holdRanOut}
            />
            <p>
              <button type="button" className="button button-secondary" onClick={pickAnother}>
                {t("bookSlot.release")}
              </button>
            </p>
          </section>

          <section className="card stack" aria-labelledby="book-details">
            <h2 id="book-details">{t("bookSlot.questions")}</h2>
            {questions.map((question) => (
              <FormField
                key={question.key}
                name={`answers.${question.key}`}
                label={question.label}
                value={answers[question.key] ?? ""}
                onChange={(value) => setAnswers({ ...answers, [question.key]: value })}
                control={
                  question.type === "select"
                    ? {
                        kind: "select",
                        options: (question.options ?? []).map((option) => ({
                          value: option,
                          label: option,
                        })),
                      }
                    : question.type === "number"
                      ? { kind: "input", inputMode: "decimal" }
                      : { kind: "input" }
                }
                required={question.required}
                maxLength={question.type === "text" ? 2000 : undefined}
                error={problem(`answers.${question.key}`)}
              />
            ))}
            <FormField
              name="notes"
              label={t("bookSlot.notes")}
              hint={t("bookSlot.notesHint")}
              value={notes}
              onChange={setNotes}
              control={{ kind: "textarea" }}
              maxLength={2000}
              error={problem("notes")}
            />
            {formError && <Alert kind="error">{formError}</Alert>}
            <button type="submit" className="button book-submit" disabled={submit.isPending}>
              {submit.isPending
                ? t("bookSlot.booking")
                : t("bookSlot.book", { price: formatPrice(offering.price, language) })}
            </button>
          </section>
        </>
      )}
    </form>
  );
}

/** The day's free slots, with the one held by this booker (no longer listed free) in its place. */
function withHeld(
  slots: readonly { start: string; end: string }[],
  held: Held | undefined,
  date: string,
  zone: string,
) {
  if (!held || localDate(held.booking.start, zone) !== date) return slots;
  if (slots.some((slot) => slot.start === held.booking.start)) return slots;
  return [...slots, { start: held.booking.start, end: held.booking.end }].sort((a, b) =>
    a.start.localeCompare(b.start),
  );
}
