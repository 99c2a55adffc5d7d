import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { VenueResults } from "./venue-results.tsx";
import { VenueSearchForm } from "./venue-search-form.tsx";

export function VenuesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("venues.title")} />
      <VenueSearchForm />
      <VenueResults />
    </>
  );
}
