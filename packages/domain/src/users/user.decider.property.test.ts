import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { foldEvents } from "../decider/decider.ts";
import { isActing, isSystemActor } from "./user.actor.ts";
import { decideUser, userDecider } from "./user.decider.ts";
import type { UserEvent, UserEventType } from "./user.events.ts";
import { USER_PERSONAL_FIELDS as USER_EVENT_TYPES } from "./user.personal-fields.ts";
import { actorArb, buildCommand, templateArb } from "./user.property-arbitraries.ts";
import type { UserRole } from "./user.role.ts";
import { initialUserState, type UserState, type UserStateStatus } from "./user.state.ts";

// The lifecycle written out independently of the decider: status → event → next status.
const TRANSITIONS: Record<UserStateStatus, Partial<Record<UserEventType, UserStateStatus>>> = {
  not_existing: { UserRegistered: "pending", OwnerCreated: "active" },
  pending: { UserApproved: "active", UserRejected: "rejected", UserErased: "erased" },
  active: {
    UserRoleChanged: "active",
    UserDisabled: "disabled",
    UserErased: "erased",
    UserProfileChanged: "active",
    UserPasswordChanged: "active",
  },
  rejected: { UserErased: "erased" },
  disabled: { UserEnabled: "active", UserErased: "erased" },
  erased: {},
};

const FAILURE_CODES = ["INVALID_STATE", "FORBIDDEN", "RULE_VIOLATION", "VALIDATION_FAILED"];
const TARGET = "u-target";
const IDS = [TARGET, "u-a", "u-b"] as const;
const START = Date.parse("2027-01-01T00:00:00Z");

describe("user decider, random command sequences from random actors", () => {
  test("every transition is legal, the owner stays, state is the fold, erased is final", () => {
    const seen = new Set<UserEventType>();
    const stepArb = fc.record({ template: templateArb(IDS), actor: actorArb(IDS) });
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 1, maxLength: 40, size: "max" }), (steps) => {
        let state: UserState = initialUserState;
        let model: { status: UserStateStatus; role: UserRole | null } = {
          status: "not_existing",
          role: null,
        };
        const acceptedEvents: UserEvent[] = [];
        steps.forEach(({ template, actor }, i) => {
          const command = buildCommand(template, TARGET, actor);
          const result = decideUser(command, state, new Date(START + i * 60_000));
          if (!Array.isArray(result)) {
            expect(FAILURE_CODES).toContain(result.code);
            return;
          }
          expect(state.status, "no event after erasure").not.toBe("erased");
          for (const event of result) {
            const next = TRANSITIONS[model.status][event.type];
            expect(next, `${event.type} from ${model.status}`).toBeDefined();
            const wasOwner = model.role === "owner";
            if (event.type === "UserRoleChanged") {
              expect(isSystemActor(actor) ? null : actor.role, "only the owner changes roles").toBe(
                "owner",
              );
              expect(event.data.from).toBe(model.role);
              model = { ...model, role: event.data.to };
            }
            if (event.type === "OwnerCreated") model = { ...model, role: "owner" };
            if (event.type === "UserRegistered") model = { ...model, role: "member" };
            model = { ...model, status: next ?? model.status };
            if (wasOwner) {
              // The owner's account stays active; it stops being the owner only by a transfer.
              expect(model.status).toBe("active");
              if (model.role !== "owner") {
                expect(event.type === "UserRoleChanged" && event.data.ownershipTransfer).toEqual({
                  from: TARGET,
                  to: expect.not.stringMatching(`^${TARGET}$`),
                });
                expect(isActing(actor, TARGET), "the owner hands over themself").toBe(true);
              }
            }
            state = userDecider.evolve(state, event);
            acceptedEvents.push(event);
            seen.add(event.type);
          }
          expect({ status: state.status, role: "role" in state ? state.role : null }).toEqual(
            model,
          );
        });
        expect(foldEvents(userDecider, acceptedEvents)).toEqual(state);
        expect(JSON.parse(JSON.stringify(state))).toEqual(state);
      }),
      { numRuns: 1000 },
    );
    // Guards against a generator that never reaches the interesting states.
    expect([...seen].sort()).toEqual(Object.keys(USER_EVENT_TYPES).sort());
  });
});
