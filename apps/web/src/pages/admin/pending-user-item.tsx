import type { User } from "@booking/contracts";
import { formatDate } from "../../i18n/format-date.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { DecisionActions } from "./decision-actions.tsx";
import { RejectForm } from "./reject-form.tsx";

export function PendingUserItem({
  user,
  busy,
  onApprove,
  onReject,
}: {
  user: User;
  busy: boolean;
  onApprove: () => void;
  onReject: (reason: string) => void;
}) {
  const { t, language } = useI18n();
  return (
    <li className="list-item list-item-stacked" data-testid="pending-user">
      <div className="list-item-text">
        <strong className="break">{user.name}</strong>
        <span className="break">{user.email}</span>
        {user.phone && <span>{user.phone}</span>}
        <span className="muted">
          {t("field.registered")}: {formatDate(user.createdAt, language)}
        </span>
      </div>
      <DecisionActions
        busy={busy}
        confirm={{ text: t("admin.approve"), label: t("admin.approveLabel", { name: user.name }) }}
        reject={{ text: t("admin.reject"), label: t("admin.rejectLabel", { name: user.name }) }}
        onConfirm={onApprove}
        rejectForm={(close) => (
          <RejectForm name={user.name} busy={busy} onReject={onReject} onCancel={close} />
        )}
      />
    </li>
  );
}
