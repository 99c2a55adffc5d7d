import { createEventStore, type EventStore } from "@booking/eventstore";
import { bookingsProjection } from "../bookings/bookings.projection.ts";
import { catalogProjection } from "../catalog/catalog.projection.ts";
import type { Secrets } from "../config/secrets.ts";
import type { Database } from "../db/database.ts";
import { createUsersProjection } from "../users/users.projection.ts";

/** The event store with every inline projection of the application. */
export function createAppEventStore(database: Database, secrets: Secrets): EventStore {
  return createEventStore({
    pool: database.pool,
    masterKey: secrets.personalDataMasterKey,
    inlineProjections: [
      createUsersProjection(secrets.emailLookupKey),
      catalogProjection,
      bookingsProjection,
    ],
  });
}
