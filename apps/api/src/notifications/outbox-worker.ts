import { createAppEventStore } from "../app/app-event-store.ts";
import type { BackgroundWorker } from "../app/feature.ts";
import type { AppDependencies } from "../context/app-dependencies.ts";
import { connectDatabase } from "../db/database.ts";
import { composeMessage } from "./compose/compose-message.ts";
import { createMailTransport } from "./delivery/mail-transport.ts";
import { createNotificationSender } from "./delivery/notification-sender.ts";
import { NOTIFICATIONS_DUE_CHANNEL } from "./notification.reactor.ts";

/**
 * Mails in flight at once: each mostly waits (for the database, the disk or the mail
 * server), so several overlap; each holds at most one connection at a time, and half as
 * many connections keep them busy.
 */
const HAND_OFFS_AT_ONCE = 8;
const OUTBOX_CONNECTIONS = 4;

/**
 * The sender with the composer and the configured transport, on a small pool of its own:
 * under a burst of requests the api's pool is busy with them, and mail would wait until the
 * burst is over (measured: 1,000 confirmations from 32 clients held the outbox back for
 * their whole duration). Requests never wait for mail either.
 */
export function outboxWorker(deps: AppDependencies): BackgroundWorker {
  const database = connectDatabase(deps.database.connectionString, deps.logger, {
    max: OUTBOX_CONNECTIONS,
    applicationName: "booking-outbox",
  });
  const outboxDeps: AppDependencies = {
    ...deps,
    database,
    eventStore: createAppEventStore(database, deps.secrets),
  };
  const sender = createNotificationSender(outboxDeps, {
    transport: createMailTransport(deps.config, deps.logger),
    compose: (notification) => composeMessage(outboxDeps, notification),
    wakeChannel: NOTIFICATIONS_DUE_CHANNEL,
    concurrency: HAND_OFFS_AT_ONCE,
  });
  return {
    name: sender.name,
    start: () => sender.start(),
    async stop() {
      await sender.stop();
      await database.close();
    },
  };
}
