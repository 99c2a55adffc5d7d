import type { RouterOutputs } from "@booking/client";
import { formatDate } from "../../i18n/format-date.ts";
import { useI18n } from "../../i18n/use-i18n.ts";

type Feed = RouterOutputs["feeds"]["list"]["items"][number];

export function FeedItem({
  feed,
  venueName,
  onRevoke,
  revoking,
}: {
  feed: Feed;
  /** The venue of a venue feed, once known. */
  venueName: string | undefined;
  onRevoke: () => void;
  revoking: boolean;
}) {
  const { t, language } = useI18n();
  const what = feed.venueId ? t("feeds.ofVenue", { venue: venueName ?? "…" }) : t("feeds.ofMine");
  return (
    <li className="list-item">
      <div className="list-item-text">
        <strong className="break">{feed.name}</strong>
        <span className="muted">
          {what} · {t("feeds.created", { date: formatDate(feed.createdAt, language) })}
        </span>
      </div>
      <button
        type="button"
        className="button button-small button-danger"
        onClick={onRevoke}
        disabled={revoking}
        aria-label={t("feeds.revokeLabel", { name: feed.name })}
      >
        {t("feeds.revoke")}
      </button>
    </li>
  );
}
