import { eventStoreMigrations } from "@booking/eventstore";
import type { Migration } from "kysely/migration";
import * as identity from "./20261122_0101_identity.ts";
import * as catalog from "./20261122_0201_catalog.ts";
import * as bookings from "./20261122_0301_bookings.ts";
import * as changeNotifications from "./20261122_0401_change_notifications.ts";
import * as projectionRebuilds from "./20261122_0501_projection_rebuilds.ts";
import * as statistics from "./20261122_0502_statistics.ts";
import * as pendingQueue from "./20261122_0701_pending_queue.ts";
import * as calendar from "./20261122_0801_calendar.ts";
import * as notifications from "./20261122_0901_notifications.ts";

/**
 * Every migration of the system: the event store's and the application's own, named
 * `YYYYMMDD_NNNN_*` so that they sort in the order they were written. Shipped migrations
 * are frozen; a change is a new migration.
 */
export const allMigrations: Record<string, Migration> = {
  ...eventStoreMigrations,
  "20261122_0101_identity": identity,
  "20261122_0201_catalog": catalog,
  "20261122_0301_bookings": bookings,
  "20261122_0401_change_notifications": changeNotifications,
  "20261122_0501_projection_rebuilds": projectionRebuilds,
  "20261122_0502_statistics": statistics,
  "20261122_0701_pending_queue": pendingQueue,
  "20261122_0801_calendar": calendar,
  "20261122_0901_notifications": notifications,
};
