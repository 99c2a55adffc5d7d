import type { User } from "@booking/contracts";
import { formatDate } from "../../i18n/format-date.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { RoleForm } from "./role-form.tsx";

export interface UserRowActions {
  busy: boolean;
  onDisable: () => void;
  onEnable: () => void;
  onChangeRole: (role: "admin" | "member") => void;
}

/**
 * One user with what the viewer may do to them. Nobody acts on themselves or on the owner
 * here (the server refuses it anyway); only the owner sees the role control.
 */
export function UserRow({
  user,
  viewer,
  actions,
}: {
  user: User;
  viewer: User;
  actions: UserRowActions;
}) {
  const { t, language } = useI18n();
  const isSelf = user.id === viewer.id;
  const actionable = !isSelf && user.role !== "owner";
  return (
    <li className="list-item list-item-stacked" data-testid="user-row">
      <div className="list-item-text">
        <span className="list-item-title">
          <strong className="break">
            {user.name}
            {isSelf && ` (${t("admin.you")})`}
          </strong>
          <span className={`status status-${user.status}`}>{t(`userStatus.${user.status}`)}</span>
        </span>
        <span className="break">{user.email}</span>
        <span className="muted">
          {t(`role.${user.role}`)} · {t("field.registered")}: {formatDate(user.createdAt, language)}
        </span>
      </div>
      {actionable && (
        <div className="actions">
          {user.status === "active" && (
            <button
              type="button"
              className="button button-small button-danger"
              onClick={actions.onDisable}
              disabled={actions.busy}
              aria-label={t("admin.disableLabel", { name: user.name })}
            >
              {t("admin.disable")}
            </button>
          )}
          {user.status === "disabled" && (
            <button
              type="button"
              className="button button-small"
              onClick={actions.onEnable}
              disabled={actions.busy}
              aria-label={t("admin.enableLabel", { name: user.name })}
            >
              {t("admin.enable")}
            </button>
          )}
          {viewer.role === "owner" && user.status === "active" && (
            <RoleForm user={user} busy={actions.busy} onChange={actions.onChangeRole} />
          )}
        </div>
      )}
    </li>
  );
}
