import type { LogPosition, StoredLogEvent } from "@booking/eventstore";
import type { CheckpointLine } from "./backup-format.ts";

/**
 * Where each reactor resumes after a restore, exactly: it handles the events it had not
 * handled when the backup was taken, and no other (a reactor sends mail; a second run of
 * an event would act twice, a skipped one never).
 *
 * The restored log is read in (transaction id, position) order. Its events get the
 * restore's own transaction id or ids just below it, by tier: the events every reactor had
 * handled come first, the ones no reactor had handled last. A reactor's handled events are
 * a prefix of the original log, so the sets nest and each reactor's checkpoint lands
 * between two tiers. Ids below the restore's own are safe: older than anything that
 * commits after it, and no other connection may write while it runs.
 */
export interface ReactorTiers {
  /** The events of a batch grouped by the transaction id to store them under. */
  group(events: readonly StoredLogEvent[]): Map<string, StoredLogEvent[]>;
  /** The checkpoint of every reactor; those without one in the backup start at `end`. */
  checkpoints(end: LogPosition): Map<string, LogPosition>;
}

export function reactorTiers(
  lines: readonly CheckpointLine[],
  reactorNames: readonly string[],
  ownTransaction: bigint,
): ReactorTiers {
  // The reactor with most pending events handled least: it comes first.
  const reactors = lines
    .filter((line) => reactorNames.includes(line.name))
    .sort((a, b) => b.pending.length - a.pending.length);
  const pending = reactors.map((line) => new Set(line.pending));
  const lowest = ownTransaction - BigInt(reactors.length);
  if (lowest < 3n) throw new Error("The restore's transaction id is too low to order the log");
  const transactionOf = (tier: number) => (lowest + BigInt(tier)).toString();
  const lastInTier = new Map<number, number>();

  return {
    group(events) {
      const groups = new Map<string, StoredLogEvent[]>();
      for (const event of events) {
        const tier = pending.filter((set) => set.has(event.globalPosition)).length;
        lastInTier.set(tier, Math.max(lastInTier.get(tier) ?? 0, event.globalPosition));
        const id = transactionOf(tier);
        const group = groups.get(id);
        if (group) group.push(event);
        else groups.set(id, [event]);
      }
      return groups;
    },
    checkpoints(end) {
      const positions = new Map<string, LogPosition>();
      for (const name of reactorNames) positions.set(name, end);
      reactors.forEach((reactor, index) => {
        // Handled: the tiers up to `index`; the checkpoint is the last event of that tier.
        positions.set(reactor.name, {
          transactionId: transactionOf(index),
          globalPosition: lastInTier.get(index) ?? 0,
        });
      });
      return positions;
    },
  };
}
