import type { NotificationDto } from "@booking/contracts";
import { locales } from "../../i18n/locale.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { AdminBookingLink } from "../admin-calendar/admin-booking-link.tsx";

/** One e-mail of the log: what, to whom, how it went, and a retry when it failed. */
export function NotificationItem({
  notification,
  retrying,
  onRetry,
}: {
  notification: NotificationDto;
  retrying: boolean;
  onRetry: () => void;
}) {
  const { t, language } = useI18n();
  const when = new Intl.DateTimeFormat(locales[language], {
    dateStyle: "medium",
    timeStyle: "short",
  });
  const at = (iso: string) => when.format(new Date(iso));
  const kind = t(`adminNotifications.kind.${notification.kind}`);
  return (
    <li
      className="list-item list-item-stacked notification"
      data-testid="notification"
      data-id={notification.id}
    >
      <div className="list-item-text">
        <span className="list-item-title">
          <strong>{kind}</strong>
          <span
            className={`notification-status notification-status-${notification.status}`}
            data-testid="notification-status"
          >
            {t(`adminNotifications.status.${notification.status}`)}
          </span>
        </span>
        <dl className="facts notification-facts">
          <dt>{t("adminNotifications.to")}</dt>
          <dd className="break">{notification.to}</dd>
          <dt>{t("adminNotifications.created")}</dt>
          <dd>{at(notification.createdAt)}</dd>
          {notification.status === "pending" && (
            <>
              <dt>{t("adminNotifications.due")}</dt>
              <dd>{at(notification.dueAt)}</dd>
            </>
          )}
          {notification.sentAt && (
            <>
              <dt>{t("adminNotifications.sentAt")}</dt>
              <dd>{at(notification.sentAt)}</dd>
            </>
          )}
          <dt>{t("adminNotifications.attempts")}</dt>
          <dd data-testid="notification-attempts">{notification.attempts}</dd>
          {notification.lastError && (
            <>
              <dt>{t("adminNotifications.lastError")}</dt>
              <dd className="break mono" data-testid="notification-error">
                {notification.lastError}
              </dd>
            </>
          )}
          {notification.bookingId && (
            <>
              <dt>{t("adminNotifications.booking")}</dt>
              <dd>
                <AdminBookingLink bookingId={notification.bookingId}>
                  {t("adminNotifications.openBooking")}
                </AdminBookingLink>
              </dd>
            </>
          )}
        </dl>
      </div>
      {notification.status === "failed" && notification.to !== "erased" && (
        <div className="actions">
          <button
            type="button"
            className="button button-small"
            disabled={retrying}
            onClick={onRetry}
            aria-label={`${t("adminNotifications.retry")}: ${kind}, ${notification.to}`}
          >
            {retrying ? t("adminNotifications.retrying") : t("adminNotifications.retry")}
          </button>
        </div>
      )}
    </li>
  );
}
