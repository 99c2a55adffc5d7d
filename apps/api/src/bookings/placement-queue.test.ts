import { expect, test } from "vitest";
import { enterPlacementQueue, type Placement, type QueueTurn } from "./placement-queue.ts";

const hour = 3_600_000;
const at = (resourceIds: string[], fromHour: number, toHour: number): Placement => ({
  resourceIds,
  start: fromHour * hour,
  end: toHour * hour,
});

async function turnOf(placement: Placement) {
  const turn = await enterPlacementQueue(placement);
  if (turn.kind !== "turn") throw new Error(`expected a turn, got ${JSON.stringify(turn)}`);
  return turn;
}

/** Whether the promise has settled after every pending callback ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => {
    done = true;
  });
  await new Promise((resolve) => setImmediate(resolve));
  return done;
}

test("an overlapping placement waits; when the first one placed its booking it is refused with the shared resources", async () => {
  const first = await turnOf(at(["bay-1", "bay-2"], 10, 11));
  const second = enterPlacementQueue(at(["bay-2", "bay-3"], 10.5, 11.5));
  expect(await settled(second)).toBe(false);
  first.leave(true);
  expect(await second).toEqual<QueueTurn>({ kind: "taken", resourceIds: ["bay-2"] });
});

test("when the first one failed, the next one gets its turn", async () => {
  const first = await turnOf(at(["room"], 0, 24));
  const second = enterPlacementQueue(at(["room"], 12, 36));
  first.leave(false);
  const turn = await second;
  expect(turn.kind).toBe("turn");
  if (turn.kind === "turn") turn.leave(false);
});

test("periods that only touch, other resources and a left queue do not wait", async () => {
  const first = await turnOf(at(["room"], 10, 11));
  // Half-open periods: one ending at 11:00 and one starting then do not overlap.
  const touching = await turnOf(at(["room"], 11, 12));
  const elsewhere = await turnOf(at(["other"], 10, 11));
  first.leave(true);
  touching.leave(true);
  elsewhere.leave(true);
  const again = await turnOf(at(["room"], 10, 11));
  again.leave(false);
});

test("a crowd for one time goes one at a time: one places, everyone after is refused without a turn", async () => {
  const turns = Array.from({ length: 5 }, () => enterPlacementQueue(at(["bay"], 9, 10)));
  const first = await turns[0];
  if (first?.kind !== "turn") throw new Error("the first one should get its turn");
  for (const waiting of turns.slice(1)) expect(await settled(waiting)).toBe(false);
  first.leave(true);
  for (const waiting of turns.slice(1)) {
    expect(await waiting).toEqual({ kind: "taken", resourceIds: ["bay"] });
  }
});
