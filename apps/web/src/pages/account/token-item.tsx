import type { RouterOutputs } from "@booking/client";
import { formatDate } from "../../i18n/format-date.ts";
import { useI18n } from "../../i18n/use-i18n.ts";

type ApiToken = RouterOutputs["me"]["tokens"]["list"]["items"][number];

export function TokenItem({
  token,
  onRevoke,
  revoking,
}: {
  token: ApiToken;
  onRevoke: () => void;
  revoking: boolean;
}) {
  const { t, language } = useI18n();
  const created = t("tokens.created", { date: formatDate(token.createdAt, language) });
  const used = token.lastUsedAt
    ? t("tokens.lastUsed", { date: formatDate(token.lastUsedAt, language) })
    : t("tokens.neverUsed");
  return (
    <li className="list-item">
      <div className="list-item-text">
        <strong className="break">{token.name}</strong>
        <span className="muted">
          {created}, {used}
        </span>
      </div>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={onRevoke}
        disabled={revoking}
        aria-label={t("tokens.revokeLabel", { name: token.name })}
      >
        {t("tokens.revoke")}
      </button>
    </li>
  );
}
