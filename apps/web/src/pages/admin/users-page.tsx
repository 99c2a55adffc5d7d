import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useSession } from "../../session/use-session.ts";
import { PendingUsersCard } from "./pending-users-card.tsx";
import { UsersCard } from "./users-card.tsx";

export function UsersPage() {
  const { t } = useI18n();
  const { user } = useSession();
  // The admin frame shows this page only to a logged-in admin.
  if (!user) return null;
  return (
    <>
      <PageHeading title={t("admin.users.title")} />
      <div className="stack">
        <PendingUsersCard />
        <UsersCard viewer={user} />
      </div>
    </>
  );
}
