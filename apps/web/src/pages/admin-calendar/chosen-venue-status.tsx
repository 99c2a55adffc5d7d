import type { VenueDto } from "@booking/contracts";
import type { UseQueryResult } from "@tanstack/react-query";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";

/** While no venue can be shown: the list still loading, failed, or empty. */
export function ChosenVenueStatus({
  venues,
  venue,
}: {
  venues: UseQueryResult<unknown, unknown>;
  venue: VenueDto | undefined;
}) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  return (
    <>
      {venues.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {venues.isError && <Alert kind="error">{describe(venues.error)}</Alert>}
      {venues.isSuccess && !venue && <p className="empty">{t("adminInsights.noVenues")}</p>}
    </>
  );
}
