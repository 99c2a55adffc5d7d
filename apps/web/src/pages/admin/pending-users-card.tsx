import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { PendingUserItem } from "./pending-user-item.tsx";
import { useOutcome } from "./use-outcome.ts";
import { useUserActions } from "./use-user-actions.ts";
import { useUsers } from "./use-users.ts";

export function PendingUsersCard() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const pending = useUsers("pending");
  const actions = useUserActions();
  const { done, failure, report } = useOutcome();
  const busyId = [actions.approve, actions.reject].find((action) => action.isPending)?.variables
    ?.id;

  return (
    <section className="card" aria-labelledby="pending-heading">
      <h2 id="pending-heading">{t("admin.pendingTitle")}</h2>
      {done && <Alert kind="success">{done}</Alert>}
      {failure !== undefined && <Alert kind="error">{describe(failure)}</Alert>}
      {pending.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {pending.isError && <Alert kind="error">{describe(pending.error)}</Alert>}
      {pending.isSuccess && pending.users.length === 0 && (
        <p className="muted">{t("admin.pendingEmpty")}</p>
      )}
      {pending.users.length > 0 && (
        <ul className="list" aria-labelledby="pending-heading">
          {pending.users.map((user) => (
            <PendingUserItem
              key={user.id}
              user={user}
              busy={busyId === user.id}
              onApprove={() =>
                actions.approve.mutate(
                  { id: user.id },
                  report(t("admin.approved", { name: user.name })),
                )
              }
              onReject={(reason) =>
                actions.reject.mutate(
                  { id: user.id, reason },
                  report(t("admin.rejected", { name: user.name })),
                )
              }
            />
          ))}
        </ul>
      )}
      {pending.hasNextPage && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => pending.fetchNextPage()}
          disabled={pending.isFetchingNextPage}
        >
          {t("admin.loadMore")}
        </button>
      )}
    </section>
  );
}
