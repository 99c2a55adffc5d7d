import { useI18n } from "../../i18n/use-i18n.ts";
import { formatTime, hourIn } from "./zoned-time.ts";

interface Slot {
  start: string;
  end: string;
}

/** A day's free times, as buttons grouped into morning and afternoon (venue's wall clock). */
export function SlotList({
  slots,
  zone,
  held,
  busy,
  onPick,
}: {
  slots: readonly Slot[];
  zone: string;
  held: string | undefined;
  busy: boolean;
  onPick: (slot: Slot) => void;
}) {
  const { t, language } = useI18n();
  const groups = [
    {
      key: "morning",
      title: t("bookSlot.morning"),
      slots: slots.filter((s) => hourIn(s.start, zone) < 12),
    },
    {
      key: "afternoon",
      title: t("bookSlot.afternoon"),
      slots: slots.filter((s) => hourIn(s.start, zone) >= 12),
    },
  ].filter((group) => group.slots.length > 0);
  return (
    <div className="slot-groups">
      {groups.map((group) => (
        <section key={group.key} aria-labelledby={`slots-${group.key}`}>
          <h3 id={`slots-${group.key}`} className="slot-group-title">
            {group.title}
          </h3>
          <ul className="slot-grid">
            {group.slots.map((slot) => (
              <li key={slot.start}>
                <button
                  type="button"
                  className="slot-button"
                  aria-pressed={held === slot.start}
                  disabled={busy}
                  onClick={() => onPick(slot)}
                >
                  {formatTime(slot.start, zone, language)}
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
