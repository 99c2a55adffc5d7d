import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { PendingUsersCard } from "../admin/pending-users-card.tsx";
import { PendingBookingsCard } from "./pending-bookings-card.tsx";
import "../admin-bookings/admin-bookings.css";

/** The admin's first page: every decision that waits, booking requests and registrations. */
export function QueuePage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeading title={t("adminQueue.title")} />
      <p className="intro">{t("adminQueue.intro")}</p>
      <div className="stack">
        <PendingBookingsCard />
        <PendingUsersCard />
      </div>
    </>
  );
}
