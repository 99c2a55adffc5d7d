import { PageHeading } from "../../components/page-heading.tsx";
import { RequireUser } from "../../components/require-user.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { PendingUsersCard } from "./pending-users-card.tsx";
import { UsersCard } from "./users-card.tsx";

export function AdminPage() {
  const { t } = useI18n();
  return (
    <RequireUser admin title={t("admin.title")}>
      {(user) => (
        <>
          <PageHeading title={t("admin.title")} />
          <div className="stack">
            <PendingUsersCard />
            <UsersCard viewer={user} />
          </div>
        </>
      )}
    </RequireUser>
  );
}
