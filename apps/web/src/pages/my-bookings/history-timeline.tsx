import type { RouterOutputs } from "@booking/client";
import type { MessageKey } from "../../i18n/en.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { BookingApi } from "./booking-api.ts";
import { formatInstant } from "./booking-format.ts";

export type HistoryEntry = RouterOutputs["bookings"]["get"]["history"][number];

const eventKeys: Record<string, MessageKey> = {
  BookingHeld: "booking.event.BookingHeld",
  BookingRequested: "booking.event.BookingRequested",
  BookingConfirmed: "booking.event.BookingConfirmed",
  BookingRejected: "booking.event.BookingRejected",
  BookingCancelled: "booking.event.BookingCancelled",
  BookingRescheduled: "booking.event.BookingRescheduled",
  BookingEdited: "booking.event.BookingEdited",
  BookingCompleted: "booking.event.BookingCompleted",
  BookingMarkedNoShow: "booking.event.BookingMarkedNoShow",
  HoldExpired: "booking.event.HoldExpired",
};

/** Who acted, in words: the reader, the venue's staff, or the system's own jobs. */
function actorKey(actor: HistoryEntry["actor"], viewer: BookingApi["viewer"]): MessageKey {
  if ("system" in actor) return "booking.actor.system";
  if ("guest" in actor) return viewer === "guest" ? "booking.actor.you" : "booking.actor.guest";
  return viewer !== "guest" && actor.userId === viewer.userId
    ? "booking.actor.you"
    : "booking.actor.venue";
}

/**
 * The booking's events, oldest first, each with who and when (the venue's clock).
 * `actorLabel` may name who acted more precisely than the reader's own words do (staff
 * read bookers and colleagues by name); where it gives nothing, the usual words stand.
 */
export function HistoryTimeline({
  history,
  zone,
  viewer,
  actorLabel,
}: {
  history: HistoryEntry[];
  zone: string;
  viewer: BookingApi["viewer"];
  actorLabel?: (actor: HistoryEntry["actor"]) => string | undefined;
}) {
  const { t, language } = useI18n();
  if (history.length === 0) return <p className="muted">{t("booking.historyEmpty")}</p>;
  return (
    <ol className="timeline" data-testid="history">
      {history.map((entry, index) => {
        const key = eventKeys[entry.type];
        return (
          // Events have no id of their own; their order never changes.
          // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows at its end
          <li key={index}>
            <p>
              <span className="timeline-what">{key ? t(key) : entry.type}</span>{" "}
              {actorLabel?.(entry.actor) ?? t(actorKey(entry.actor, viewer))}
            </p>
            <p className="muted-text">
              <time dateTime={entry.at}>{formatInstant(entry.at, zone, language)}</time>
            </p>
            {entry.reason && <p>{t("booking.reason", { reason: entry.reason })}</p>}
          </li>
        );
      })}
    </ol>
  );
}
