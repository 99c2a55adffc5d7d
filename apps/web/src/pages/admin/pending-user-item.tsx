import type { User } from "@booking/contracts";
import { useState } from "react";
import { formatDate } from "../../i18n/format-date.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
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
  const [rejecting, setRejecting] = useState(false);
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
      {rejecting ? (
        <RejectForm
          name={user.name}
          busy={busy}
          onReject={onReject}
          onCancel={() => setRejecting(false)}
        />
      ) : (
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={onApprove}
            disabled={busy}
            aria-label={t("admin.approveLabel", { name: user.name })}
          >
            {t("admin.approve")}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setRejecting(true)}
            disabled={busy}
            aria-label={t("admin.rejectLabel", { name: user.name })}
          >
            {t("admin.reject")}
          </button>
        </div>
      )}
    </li>
  );
}
