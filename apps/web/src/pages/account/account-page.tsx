import { PageHeading } from "../../components/page-heading.tsx";
import { RequireUser } from "../../components/require-user.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { ApiTokensCard } from "./api-tokens-card.tsx";
import { CalendarFeedsCard } from "./calendar-feeds-card.tsx";
import { DataExportCard } from "./data-export-card.tsx";
import { EraseAccountCard } from "./erase-account-card.tsx";
import { ProfileCard } from "./profile-card.tsx";

export function AccountPage() {
  const { t } = useI18n();
  return (
    <RequireUser title={t("account.title")}>
      {(user) => (
        <>
          <PageHeading title={t("account.title")} />
          <div className="stack">
            <ProfileCard user={user} />
            <CalendarFeedsCard isAdmin={user.role === "admin" || user.role === "owner"} />
            <ApiTokensCard />
            <DataExportCard />
            <EraseAccountCard />
          </div>
        </>
      )}
    </RequireUser>
  );
}
