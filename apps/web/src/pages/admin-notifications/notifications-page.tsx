import { notificationStatusSchema } from "@booking/contracts";
import { useNavigate, useSearch } from "@tanstack/react-router";
import { useId, useState } from "react";
import { Alert } from "../../components/alert.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useErrorMessage } from "../../errors/use-error-message.ts";
import { useI18n } from "../../i18n/use-i18n.ts";
import { NotificationItem } from "./notification-item.tsx";
import { useNotifications, useRetryNotification } from "./use-notifications.ts";
import "./admin-notifications.css";

/** The e-mail log: what waits, what went out, what failed and why; failed ones can be retried. */
export function NotificationsPage() {
  const { t } = useI18n();
  const describe = useErrorMessage();
  const filterId = useId();
  const headingId = useId();
  const { status } = useSearch({ from: "/admin/notifications" });
  const navigate = useNavigate({ from: "/admin/notifications" });
  const notifications = useNotifications(status);
  const retry = useRetryNotification();
  const [retried, setRetried] = useState<string | undefined>();
  return (
    <>
      <PageHeading title={t("adminNotifications.title")} />
      <div className="field field-inline notification-filter">
        <label htmlFor={filterId}>{t("adminNotifications.show")}</label>
        <select
          id={filterId}
          value={status ?? ""}
          onChange={(event) => {
            const chosen = notificationStatusSchema.safeParse(event.target.value);
            navigate({ search: chosen.success ? { status: chosen.data } : {} });
          }}
        >
          <option value="">{t("adminNotifications.all")}</option>
          {notificationStatusSchema.options.map((option) => (
            <option key={option} value={option}>
              {t(`adminNotifications.status.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {retried && <Alert kind="success">{retried}</Alert>}
      {retry.isError && <Alert kind="error">{describe(retry.error)}</Alert>}
      <section aria-labelledby={headingId}>
        <h2 id={headingId} className="visually-hidden">
          {t("adminNotifications.list")}
        </h2>
        {notifications.isPending && <p aria-busy="true">{t("app.loading")}</p>}
        {notifications.isError && <Alert kind="error">{describe(notifications.error)}</Alert>}
        {notifications.isSuccess && notifications.items.length === 0 && (
          <p className="empty">{t("adminNotifications.empty")}</p>
        )}
        {notifications.items.length > 0 && (
          <ul className="list" aria-labelledby={headingId}>
            {notifications.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                retrying={retry.isPending && retry.variables?.id === notification.id}
                onRetry={() => {
                  setRetried(undefined);
                  retry.mutate(
                    { id: notification.id },
                    {
                      onSuccess: () =>
                        setRetried(t("adminNotifications.retried", { to: notification.to })),
                    },
                  );
                }}
              />
            ))}
          </ul>
        )}
        {notifications.hasNextPage && (
          <button
            type="button"
            className="button button-secondary"
            disabled={notifications.isFetchingNextPage}
            onClick={() => notifications.fetchNextPage()}
          >
            {notifications.isFetchingNextPage
              ? t("adminNotifications.loadingMore")
              : t("adminNotifications.more")}
          </button>
        )}
      </section>
    </>
  );
}
