import type { Role, UserStatus } from "@booking/contracts";
import type { Catalog } from "./cached-catalog.ts";
import type { ChangeFeed } from "./change-feed.ts";
import { ReadCache } from "./read-cache.ts";

/** What a credential stands for, with what the credential check needs to finish without SQL. */
export interface CachedCredential {
  userId: string;
  role: Role;
  status: UserStatus;
  /** API tokens: the stored SHA-256 of the secret, compared on every use. */
  secretHash: Buffer | null;
  /** Sessions: when they stop being valid. */
  expiresAt: Date | null;
}

/**
 * The api's read caches, kept current by the database's change notifications (other
 * processes, SQL by hand) and by this process's own appends, which drop what they may
 * have changed before the request that made them is answered (read-your-writes).
 */
export interface ReadCaches {
  /** Availability and slot answers as JSON bytes, tagged with the offering's resources. */
  availability: ReadCache<Uint8Array>;
  /** Offering, venue and resources, as every booking and quote needs them. */
  catalog: ReadCache<Catalog>;
  /** Sessions and API tokens by id; `null`: unknown or revoked. */
  credentials: ReadCache<CachedCredential | null>;
  /** After this process appended to these streams. */
  appended(streamIds: readonly string[]): void;
  /** After this process revoked a session or token outside the event store. */
  credentialsChanged(): void;
}

export function createReadCaches(feed: Pick<ChangeFeed, "live" | "subscribe">): ReadCaches {
  const isLive = () => feed.live;
  const caches = {
    // About 25 KB per month of a 20-room house: a few hundred answers in at most 8 MB.
    availability: new ReadCache<Uint8Array>({
      maxEntries: 2000,
      maxBytes: 8 * 1024 * 1024,
      // Availability also depends on the clock (notice, advance limits, past nights): a
      // few seconds late at a rule's boundary is harmless, as a booking checks again.
      ttlMs: 5_000,
      isLive,
    }),
    catalog: new ReadCache<Catalog>({
      maxEntries: 500,
      maxBytes: 4 * 1024 * 1024,
      ttlMs: 60_000,
      isLive,
    }),
    credentials: new ReadCache<CachedCredential | null>({
      maxEntries: 1000,
      maxBytes: 1024 * 1024,
      // Sessions expire by the clock: the entry carries expiresAt, checked on every use.
      ttlMs: 60_000,
      isLive,
    }),
  };
  const catalogChanged = () => {
    caches.catalog.clear();
    caches.availability.clear();
  };
  const credentialsChanged = () => caches.credentials.clear();
  feed.subscribe((change) => {
    if (change === "reset") {
      catalogChanged();
      credentialsChanged();
    } else if (change.kind === "reservations") caches.availability.invalidate(change.resourceId);
    else if (change.kind === "catalog") catalogChanged();
    else credentialsChanged();
  });
  return {
    ...caches,
    appended(streamIds) {
      for (const streamId of streamIds) {
        // Which resources a booking event touched is not in every event (a cancellation
        // names none): drop every answer; other processes get the precise notification.
        if (streamId.startsWith("booking-")) caches.availability.clear();
        else if (streamId.startsWith("user-")) credentialsChanged();
        else catalogChanged();
      }
    },
    credentialsChanged,
  };
}
