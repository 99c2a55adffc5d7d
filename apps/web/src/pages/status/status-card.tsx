import { useQuery } from "@tanstack/react-query";
import { PageHeading } from "../../components/page-heading.tsx";
import { useI18n } from "../../i18n/use-i18n.ts";
import { trpc } from "../../trpc.ts";
import { formatUptime } from "./format-uptime.ts";

/** The server's health at a glance; the start page shows it as a card, /status as the page. */
export function StatusCard({ asPage = false }: { asPage?: boolean }) {
  const { t } = useI18n();
  const status = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: 10_000 });
  const badge = (
    <span
      className={`badge ${status.isError ? "badge-down" : "badge-up"}`}
      data-testid="server-state"
    >
      {status.isPending ? "…" : status.isError ? t("status.unreachable") : t("status.online")}
    </span>
  );
  return (
    <section className="card" aria-labelledby={asPage ? undefined : "status-heading"}>
      {asPage ? (
        <PageHeading title={t("status.title")}>
          {t("status.title")} {badge}
        </PageHeading>
      ) : (
        <h2 id="status-heading" className="with-badge">
          {t("status.title")} {badge}
        </h2>
      )}
      {status.isError && <p role="alert">{t("status.error", { message: status.error.message })}</p>}
      {status.data && (
        <dl className="facts">
          <dt>{t("status.version")}</dt>
          <dd data-testid="version">{status.data.version}</dd>
          <dt>{t("status.uptime")}</dt>
          <dd>{formatUptime(status.data.uptimeSeconds)}</dd>
          <dt>{t("status.database")}</dt>
          <dd data-testid="database">PostgreSQL {status.data.database.version}</dd>
          <dt>{t("status.migrations")}</dt>
          <dd data-testid="migrations">
            {t("status.migrationsValue", {
              applied: status.data.migrations.applied,
              pending: status.data.migrations.pending,
            })}
          </dd>
        </dl>
      )}
    </section>
  );
}
