import type { StoredLogEvent } from "@booking/eventstore";
import { expect, test } from "vitest";
import { reactorTiers } from "./reactor-tiers.ts";

const event = (globalPosition: number) => ({ globalPosition }) as StoredLogEvent;
const positionsBy = (groups: Map<string, StoredLogEvent[]>) =>
  Object.fromEntries([...groups].map(([id, events]) => [id, events.map((e) => e.globalPosition)]));

test("events no reactor had handled come after the handled ones; each reactor resumes at its own", () => {
  // Position 5 committed late (its transaction started first): the mail reactor had handled
  // 6 but not 5 when the backup was taken; the audit reactor lagged further behind.
  const tiers = reactorTiers(
    [
      { kind: "checkpoint", name: "mail", pending: [5, 7] },
      { kind: "checkpoint", name: "audit", pending: [4, 5, 6, 7] },
      { kind: "checkpoint", name: "removed-in-this-version", pending: [1] },
    ],
    ["mail", "audit", "new"],
    100n,
  );
  expect(positionsBy(tiers.group([1, 2, 3, 4, 5].map(event)))).toEqual({
    "98": [1, 2, 3],
    "99": [4],
    "100": [5],
  });
  expect(positionsBy(tiers.group([6, 7].map(event)))).toEqual({ "99": [6], "100": [7] });
  const end = { transactionId: "100", globalPosition: 7 };
  expect(Object.fromEntries(tiers.checkpoints(end))).toEqual({
    audit: { transactionId: "98", globalPosition: 3 },
    mail: { transactionId: "99", globalPosition: 6 },
    new: end,
  });
});

test("without checkpoints every event is the restore's own and reactors start at the end", () => {
  const tiers = reactorTiers([], ["mail"], 42n);
  expect(positionsBy(tiers.group([1, 2].map(event)))).toEqual({ "42": [1, 2] });
  const end = { transactionId: "42", globalPosition: 2 };
  expect(Object.fromEntries(tiers.checkpoints(end))).toEqual({ mail: end });
});

test("a reactor that had handled everything resumes after the last event of its tier", () => {
  const tiers = reactorTiers([{ kind: "checkpoint", name: "mail", pending: [] }], ["mail"], 10n);
  tiers.group([1, 2, 3].map(event));
  expect(tiers.checkpoints({ transactionId: "9", globalPosition: 3 }).get("mail")).toEqual({
    transactionId: "9",
    globalPosition: 3,
  });
});
