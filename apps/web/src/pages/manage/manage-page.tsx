import { bookingErrorInfo } from "@booking/client";
import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { useParams } from "@tanstack/react-router";
import { useMemo } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import type { BookingApi } from "../my-bookings/booking-api.ts";
import { BookingView } from "../my-bookings/booking-view.tsx";
import { manageApi } from "./manage-client.ts";
import { readManageToken } from "./read-manage-token.ts";

/**
 * A guest's booking, opened by the manage token in the link (`/manage/$token`), no account
 * needed. The token names its booking; the api decides whether it still opens it.
 */
export function ManagePage() {
  const { token } = useParams({ from: "/manage/$token" });
  const claims = readManageToken(token);
  const guest = useMemo(() => manageApi(token), [token]);
  if (!claims || claims.expired) return <InvalidLink />;
  return (
    <QueryClientProvider client={guest.queryClient}>
      <GuestBooking api={guest.api} bookingId={claims.bookingId} />
    </QueryClientProvider>
  );
}

function GuestBooking({ api, bookingId }: { api: BookingApi; bookingId: string }) {
  const { t } = useI18n();
  // A token the api refuses (forged, expired, or its booking's guest data erased) is
  // UNAUTHENTICATED: say that the link is not valid rather than "log in again".
  const read = useQuery(api.trpc.bookings.get.queryOptions({ id: bookingId }));
  if (read.isError && bookingErrorInfo(read.error)?.code === "UNAUTHENTICATED") {
    return <InvalidLink />;
  }
  return (
    <BookingView
      api={api}
      bookingId={bookingId}
      title={t("manage.title")}
      intro={t("manage.intro")}
      notFound={{ title: t("manage.invalidTitle"), text: t("manage.invalid") }}
    />
  );
}

function InvalidLink() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("manage.invalidTitle")} />
      <Alert kind="error">{t("manage.invalid")}</Alert>
    </>
  );
}
