import type { MonthlyStatistics, VenueDto } from "@booking/contracts";
import { useQuery } from "@tanstack/react-query";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useId } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { ChosenVenueStatus } from "../admin-calendar/chosen-venue-status.tsx";
import { useChosenVenue } from "../admin-calendar/use-chosen-venue.ts";
import { VenueSelect } from "../admin-calendar/venue-select.tsx";
import { todayIn } from "../book-stay/local-date.ts";
import { toCsv } from "./csv.ts";
import { saveTextFile } from "./save-text-file.ts";
import { StatisticsCharts } from "./statistics-charts.tsx";
import { csvFileName, statisticsCsvRows } from "./statistics-rows.ts";
import { StatisticsTable } from "./statistics-table.tsx";
import { useColumnNames } from "./use-column-names.ts";
import { YearNav } from "./year-nav.tsx";
import "./admin-statistics.css";

/** A venue's year in figures: occupancy and revenue as charts, everything as a table. */
export function StatisticsPage() {
  const { t } = useI18n();
  const search = useSearch({ from: "/admin/statistics" });
  const navigate = useNavigate({ from: "/admin/statistics" });
  const { venues, items, venue } = useChosenVenue(search.venueId);
  return (
    <>
      <PageHeading title={t("adminStatistics.title")} />
      <ChosenVenueStatus venues={venues} venue={venue} />
      {venue && (
        <>
          <VenueSelect
            venues={items}
            value={venue.id}
            // The year stays when the venue changes: comparing venues is what the choice is for.
            onChange={(venueId) => navigate({ search: { venueId, year: search.year } })}
          />
          <VenueYear
            key={venue.id}
            venue={venue}
            year={search.year ?? Number(todayIn(venue.timeZone).slice(0, 4))}
          />
        </>
      )}
    </>
  );
}

function VenueYear({ venue, year }: { venue: VenueDto; year: number }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const headingId = useId();
  const statistics = useQuery(trpc.statistics.monthly.queryOptions({ venueId: venue.id, year }));
  return (
    <section aria-labelledby={headingId} className="admin-statistics">
      <div className="statistics-top">
        <h2 id={headingId}>{year}</h2>
        <YearNav venueId={venue.id} year={year} />
      </div>
      <p className="muted">{t("adminStatistics.explanation")}</p>
      {statistics.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {statistics.isError && <Alert kind="error">{describe(statistics.error)}</Alert>}
      {statistics.isSuccess && (
        <>
          <StatisticsCharts statistics={statistics.data} />
          <StatisticsTable statistics={statistics.data} />
          <DownloadCsv statistics={statistics.data} venueName={venue.name} />
        </>
      )}
    </section>
  );
}

function DownloadCsv({
  statistics,
  venueName,
}: {
  statistics: MonthlyStatistics;
  venueName: string;
}) {
  const { t } = useI18n();
  const header = useColumnNames(statistics.currency);
  const download = () => {
    // The byte order mark makes spreadsheet programs read the file as UTF-8.
    const text = `\uFEFF${toCsv(statisticsCsvRows(statistics, header))}`;
    saveTextFile(text, "text/csv;charset=utf-8", csvFileName(venueName, statistics.year));
  };
  return (
    <p>
      <button type="button" className="button button-secondary" onClick={download}>
        {t("adminStatistics.download")}
      </button>
    </p>
  );
}
