import { useId } from "react";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { ProblemTextAt } from "./problem-text.ts";
import type { IntervalDraft, VenueDraft } from "./venue-draft.ts";
import { type Weekday, weekdayName, weekdays } from "./weekdays.ts";

type Hours = VenueDraft["openingHours"];

/** The week's opening hours: per day any number of intervals, none meaning closed. */
export function OpeningHoursEditor({
  hours,
  onChange,
  problemAt,
}: {
  hours: Hours;
  onChange: (hours: Hours) => void;
  problemAt: ProblemTextAt;
}) {
  const { t, language } = useI18n();
  const setDay = (day: Weekday, intervals: IntervalDraft[]) =>
    onChange({ ...hours, [day]: intervals });
  return (
    <fieldset className="card catalog-section">
      <legend>{t("adminCatalog.hours")}</legend>
      <p className="field-hint">{t("adminCatalog.hoursHint")}</p>
      {weekdays.map((day, index) => (
        <DayHours
          key={day}
          day={day}
          name={weekdayName(index, locales[language])}
          intervals={hours[day]}
          onChange={(intervals) => setDay(day, intervals)}
          problemAt={problemAt}
        />
      ))}
    </fieldset>
  );
}

function DayHours({
  day,
  name,
  intervals,
  onChange,
  problemAt,
}: {
  day: Weekday;
  name: string;
  intervals: IntervalDraft[];
  onChange: (intervals: IntervalDraft[]) => void;
  problemAt: ProblemTextAt;
}) {
  const { t } = useI18n();
  const id = useId();
  const path = `openingHours.${day}`;
  // Problems of the whole day (overlaps) are told once, below its intervals.
  const dayProblem = intervals.some((_, index) => problemAt(`${path}.${index}`))
    ? undefined
    : problemAt(path);
  const last = intervals[intervals.length - 1];
  return (
    <fieldset className="day-hours" data-day={day} aria-describedby={dayProblem ? id : undefined}>
      <legend>{name}</legend>
      {intervals.length === 0 && <p className="muted day-closed">{t("venue.closed")}</p>}
      {intervals.map((interval, index) => (
        <IntervalRow
          // Rows have no identity of their own; removing one re-keys the rest, which is
          // harmless for two plain inputs.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={index}
          day={name}
          interval={interval}
          invalidDay={Boolean(dayProblem)}
          problem={problemAt(`${path}.${index}`)}
          onChange={(changed) =>
            onChange(intervals.map((current, i) => (i === index ? changed : current)))
          }
          onRemove={() => onChange(intervals.filter((_, i) => i !== index))}
        />
      ))}
      {dayProblem && (
        <p className="field-error" id={id}>
          {dayProblem}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary button-small"
        onClick={() =>
          onChange([
            ...intervals,
            last
              ? { from: last.to === "24:00" ? "23:00" : last.to, to: "24:00" }
              : { from: "09:00", to: "17:00" },
          ])
        }
      >
        {t("adminCatalog.hours.add")}
        <span className="visually-hidden"> ({name})</span>
      </button>
    </fieldset>
  );
}

function IntervalRow({
  day,
  interval,
  invalidDay,
  problem,
  onChange,
  onRemove,
}: {
  day: string;
  interval: IntervalDraft;
  invalidDay: boolean;
  problem: string | undefined;
  onChange: (interval: IntervalDraft) => void;
  onRemove: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const invalid = problem || invalidDay ? true : undefined;
  const describedBy = problem ? `${id}-error` : undefined;
  return (
    <div className="interval-row">
      <TimeField
        id={`${id}-from`}
        label={t("adminCatalog.hours.from")}
        placeholder="08:00"
        value={interval.from}
        invalid={invalid}
        describedBy={describedBy}
        onChange={(from) => onChange({ ...interval, from })}
      />
      <TimeField
        id={`${id}-to`}
        label={t("adminCatalog.hours.to")}
        placeholder="17:00"
        value={interval.to}
        invalid={invalid}
        describedBy={describedBy}
        onChange={(to) => onChange({ ...interval, to })}
      />
      <button type="button" className="button button-secondary button-small" onClick={onRemove}>
        {t("adminCatalog.remove")}
        <span className="visually-hidden">
          {" "}
          {t("adminCatalog.hours.interval", { day, from: interval.from, to: interval.to })}
        </span>
      </button>
      {problem && (
        <p className="field-error interval-error" id={`${id}-error`}>
          {problem}
        </p>
      )}
    </div>
  );
}

/** One end of an interval, typed as a time of day. */
function TimeField({
  id,
  label,
  placeholder,
  value,
  invalid,
  describedBy,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  invalid: true | undefined;
  describedBy: string | undefined;
  onChange: (value: string) => void;
}) {
  // A decimal keypad: phones offer no colon on a numeric one; "9.30" is read as 09:30.
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="time-input"
        inputMode="decimal"
        placeholder={placeholder}
        maxLength={5}
        value={value}
        aria-invalid={invalid}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}
