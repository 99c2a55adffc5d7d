import { type User, type UserStatus, userStatusSchema } from "@booking/contracts";
import { useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { useOutcome } from "./use-outcome.ts";
import { useUserActions } from "./use-user-actions.ts";
import { useUsers } from "./use-users.ts";
import { UserRow } from "./user-row.tsx";

export function UsersCard({ viewer }: { viewer: User }) {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const filterId = useId();
  const [status, setStatus] = useState<UserStatus | undefined>();
  const users = useUsers(status);
  const actions = useUserActions();
  const { done, failure, report } = useOutcome();
  const busyId = [actions.disable, actions.enable, actions.changeRole].find(
    (action) => action.isPending,
  )?.variables?.id;

  return (
    <section className="card" aria-labelledby="users-heading">
      <h2 id="users-heading">{t("admin.usersTitle")}</h2>
      <div className="field field-inline">
        <label htmlFor={filterId}>{t("admin.filter")}</label>
        <select
          id={filterId}
          value={status ?? ""}
          onChange={(event) => {
            const parsed = userStatusSchema.safeParse(event.target.value);
            setStatus(parsed.success ? parsed.data : undefined);
          }}
        >
          <option value="">{t("admin.filterAll")}</option>
          {userStatusSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`userStatus.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {done && <Alert kind="success">{done}</Alert>}
      {failure !== undefined && <Alert kind="error">{describe(failure)}</Alert>}
      {users.isPending && <p aria-busy="true">{t("app.loading")}</p>}
      {users.isError && <Alert kind="error">{describe(users.error)}</Alert>}
      {users.isSuccess && users.users.length === 0 && (
        <p className="muted">{t("admin.usersEmpty")}</p>
      )}
      {users.users.length > 0 && (
        <ul className="list" aria-labelledby="users-heading">
          {users.users.map((user) => (
            <UserRow
              key={user.id}
              user={user}
              viewer={viewer}
              actions={{
                busy: busyId === user.id,
                onDisable: () =>
                  actions.disable.mutate(
                    { id: user.id },
                    report(t("admin.disabled", { name: user.name })),
                  ),
                onEnable: () =>
                  actions.enable.mutate(
                    { id: user.id },
                    report(t("admin.enabled", { name: user.name })),
                  ),
                onChangeRole: (role) =>
                  actions.changeRole.mutate(
                    { id: user.id, role },
                    report(t("admin.roleChanged", { name: user.name, role: t(`role.${role}`) })),
                  ),
              }}
            />
          ))}
        </ul>
      )}
      {users.hasNextPage && (
        <button
          type="button"
          className="button button-secondary"
          onClick={() => users.fetchNextPage()}
          disabled={users.isFetchingNextPage}
        >
          {t("admin.loadMore")}
        </button>
      )}
    </section>
  );
}
