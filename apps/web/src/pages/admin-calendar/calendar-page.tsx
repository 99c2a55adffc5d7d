import type { VenueDto } from "@booking/contracts";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useId } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { formatLocalDate, todayIn } from "../book-stay/local-date.ts";
import { TimeZoneNote } from "../venues/time-zone-note.tsx";
import { CalendarGrid } from "./calendar-grid.tsx";
import { CalendarLegend } from "./calendar-legend.tsx";
import { closedDays, daysOfMonth, monthOf } from "./calendar-month.ts";
import { ChosenVenueStatus } from "./chosen-venue-status.tsx";
import { ClosureList } from "./closure-list.tsx";
import { MonthNav } from "./month-nav.tsx";
import { useChosenVenue } from "./use-chosen-venue.ts";
import { VenueSelect } from "./venue-select.tsx";
import "./admin-calendar.css";

/** The admin's calendar: one venue's month, its resources down and the days across. */
export function CalendarPage() {
  const { t } = useI18n();
  const search = useSearch({ from: "/admin/calendar" });
  const navigate = useNavigate({ from: "/admin/calendar" });
  const { venues, items, venue } = useChosenVenue(search.venueId);
  return (
    <>
      <PageHeading title={t("adminCalendar.title")} />
      <ChosenVenueStatus venues={venues} venue={venue} />
      {venue && (
        <>
          <VenueSelect
            venues={items}
            value={venue.id}
            // Another venue opens at its own current month.
            onChange={(venueId) => navigate({ search: { venueId } })}
          />
          <VenueMonth
            key={venue.id}
            venue={venue}
            month={search.month ?? monthOf(todayIn(venue.timeZone))}
          />
        </>
      )}
    </>
  );
}

function VenueMonth({ venue, month }: { venue: VenueDto; month: string }) {
  const { t, language } = useI18n();
  const describe = useErrorMessage();
  const headingId = useId();
  const calendar = useQuery(trpc.calendar.venue.queryOptions({ venueId: venue.id, month }));
  const days = daysOfMonth(month);
  const first = days[0] ?? `${month}-01`;
  const last = days.at(-1) ?? first;
  const monthName = formatLocalDate(first, locales[language], { month: "long", year: "numeric" });
  return (
    <section aria-labelledby={headingId} className="admin-calendar">
      <div className="cal-top">
        <h2 id={headingId} data-testid="calendar-month">
          {monthName}
        </h2>
        <MonthNav venueId={venue.id} month={month} />
      </div>
      <TimeZoneNote zone={venue.timeZone} />
      <CalendarLegend />
      {calendar.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {calendar.isError && <Alert kind="error">{describe(calendar.error)}</Alert>}
      {calendar.isSuccess &&
        (calendar.data.resources.length === 0 ? (
          <p className="empty">{t("adminCalendar.noResources")}</p>
        ) : (
          <CalendarGrid
            calendar={calendar.data}
            days={days}
            closed={closedDays(days, venue.closures)}
            today={todayIn(venue.timeZone)}
            timeZone={venue.timeZone}
            label={t("adminCalendar.chart", { month: monthName, venue: venue.name })}
          />
        ))}
      <ClosureList closures={venue.closures} first={first} last={last} />
    </section>
  );
}
