import fc from "fast-check";
import { describe, expect, test } from "vitest";
import type { UserActor } from "./user.actor.ts";
import type { UserCommand } from "./user.commands.ts";
import { decideUser, userDecider } from "./user.decider.ts";
import { isUserFailure } from "./user.errors.ts";
import type { UserEvent } from "./user.events.ts";
import { decideOwnershipTransfer } from "./user.ownership-transfer.ts";
import { buildCommand, templateArb } from "./user.property-arbitraries.ts";
import { initialUserState, type UserState } from "./user.state.ts";

// Several user aggregates, driven the way the api drives them: actors are real, active users
// (with their current role) or the system; every change of ownership (a promotion to owner,
// or the owner's demotion naming a successor) goes through decideOwnershipTransfer, whose two sides are applied together or not at all; CreateOwner is
// only issued at start, before any owner exists.

const IDS = ["u0", "u1", "u2", "u3"] as const;
const NOW = new Date("2027-01-01T00:00:00Z");

type World = Map<string, UserState>;

function ownersOf(world: World): string[] {
  return [...world.entries()]
    .filter(([, s]) => s.status !== "not_existing" && s.status !== "erased" && s.role === "owner")
    .map(([id]) => id);
}

function apply(world: World, userId: string, events: UserEvent[]): void {
  world.set(userId, events.reduce(userDecider.evolve, world.get(userId) ?? initialUserState));
}

function principal(world: World, actorIndex: number): UserActor {
  const id = IDS[actorIndex % IDS.length] ?? "u0";
  const state = world.get(id);
  // Pending, rejected and disabled users never reach a decider: the api refuses them first.
  if (state?.status !== "active") return { system: true };
  return { userId: id, role: state.role };
}

describe("across users", () => {
  test("once created, there is exactly one owner, active, whatever anyone does", () => {
    const stepArb = fc.record({
      target: fc.nat(IDS.length - 1),
      actor: fc.nat(IDS.length),
      template: templateArb(IDS),
      formerOwnerBecomes: fc.constantFrom("admin" as const, "member" as const),
    });
    let transfers = 0;
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40, size: "max" }), (steps) => {
        const world = startingWorld();
        expect(ownersOf(world)).toEqual(["u0"]);

        for (const step of steps) {
          const targetId = IDS[step.target] ?? "u0";
          const actor = principal(world, step.actor);
          const target = world.get(targetId) ?? initialUserState;
          const { type, role, transferTo } = step.template;
          if (type === "ChangeUserRole" && (role === "owner" || transferTo !== undefined)) {
            if ("system" in actor) continue;
            // Promotion: the actor hands over their own ownership to the target. Demotion
            // naming a successor: the target hands over to that successor.
            const promotion = role === "owner";
            const ownerId = promotion ? actor.userId : targetId;
            const successorId = promotion ? targetId : (transferTo ?? "");
            const decision = decideOwnershipTransfer({
              actor,
              owner: world.get(ownerId) ?? initialUserState,
              successor: world.get(successorId) ?? initialUserState,
              formerOwnerBecomes: role === "owner" ? step.formerOwnerBecomes : role,
              now: NOW,
            });
            if (isUserFailure(decision)) continue;
            apply(world, ownerId, decision.ownerEvents);
            apply(world, successorId, decision.successorEvents);
            transfers += 1;
          } else if (step.template.type === "CreateOwner") {
            // The api creates the owner only while none exists: a check across aggregates.
            continue;
          } else {
            const result = decideUser(buildCommand(step.template, targetId, actor), target, NOW);
            if (!isUserFailure(result)) apply(world, targetId, result);
          }
          const owners = ownersOf(world);
          expect(owners).toHaveLength(1);
          expect(world.get(owners[0] ?? "")?.status).toBe("active");
        }
      }),
      { numRuns: 300 },
    );
    expect(transfers, "transfers were exercised").toBeGreaterThan(20);
  });
});

/** u0 the owner, u1 an admin, u2 a member, u3 pending: every role is there from the start. */
function startingWorld(): World {
  const world: World = new Map(IDS.map((id) => [id, initialUserState]));
  const system: UserActor = { system: true };
  const owner: UserActor = { userId: "u0", role: "owner" };
  const account = { email: "x@example.org", name: "X", passwordHash: "$argon2id$x" };
  const commands: UserCommand[] = [
    { type: "CreateOwner", userId: "u0", actor: system, ...account },
    ...["u1", "u2", "u3"].map(
      (userId): UserCommand => ({ type: "RegisterUser", userId, actor: system, ...account }),
    ),
    { type: "ApproveUser", userId: "u1", actor: owner },
    { type: "ApproveUser", userId: "u2", actor: owner },
    { type: "ChangeUserRole", userId: "u1", actor: owner, role: "admin" },
  ];
  for (const command of commands) {
    const result = decideUser(command, world.get(command.userId) ?? initialUserState, NOW);
    if (isUserFailure(result)) throw new Error(`setup refused: ${result.message}`);
    apply(world, command.userId, result);
  }
  return world;
}
