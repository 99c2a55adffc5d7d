import { useQuery } from "@tanstack/react-query";
import { trpc } from "../trpc.ts";
import { formatUptime } from "./format-uptime.ts";

export function StatusPage() {
  const status = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: 10_000 });
  return (
    <main className="page">
      <header className="page-header">
        <h1>Booking</h1>
        <p className="tagline">Rooms, stays and appointments — self-hosted.</p>
      </header>
      <section className="card" aria-labelledby="status-heading">
        <h2 id="status-heading">
          Server status{" "}
          <span
            className={`badge ${status.isError ? "badge-down" : "badge-up"}`}
            data-testid="server-state"
          >
            {status.isPending ? "…" : status.isError ? "Unreachable" : "Online"}
          </span>
        </h2>
        {status.isError && <p role="alert">The server did not answer: {status.error.message}</p>}
        {status.data && (
          <dl className="facts">
            <dt>Version</dt>
            <dd data-testid="version">{status.data.version}</dd>
            <dt>Uptime</dt>
            <dd>{formatUptime(status.data.uptimeSeconds)}</dd>
            <dt>Database</dt>
            <dd data-testid="database">PostgreSQL {status.data.database.version}</dd>
            <dt>Migrations</dt>
            <dd data-testid="migrations">
              {status.data.migrations.applied} applied, {status.data.migrations.pending} pending
            </dd>
          </dl>
        )}
      </section>
      <footer className="page-footer">
        <a href="/docs">API reference</a> · <a href="/api/v1/openapi.json">OpenAPI</a>
      </footer>
    </main>
  );
}
