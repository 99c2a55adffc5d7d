import fc from "fast-check";
import type { UserActor } from "./user.actor.ts";
import type { UserCommand } from "./user.commands.ts";
import { USER_ROLES, type UserRole } from "./user.role.ts";

// Random commands for the property tests: valid and invalid field values alike, so refusals
// are exercised as often as acceptances.

const COMMAND_TYPES = [
  "RegisterUser",
  "CreateOwner",
  "ApproveUser",
  "RejectUser",
  "ChangeUserRole",
  "DisableUser",
  "EnableUser",
  "EraseUser",
  "ChangeUserProfile",
  "ChangePassword",
] as const satisfies readonly UserCommand["type"][];

export interface CommandTemplate {
  type: UserCommand["type"];
  role: UserRole;
  transferTo: string | undefined;
  reason: string;
  name: string | undefined;
  phone: string | null | undefined;
  email: string;
  passwordHash: string;
}

/** The valid values four times out of five, so sequences get far before a refusal. */
function mostly<T>(valid: readonly [T, ...T[]], ...invalid: T[]): fc.Arbitrary<T> {
  const validArb = fc.constantFrom(...valid);
  if (invalid.length === 0) return validArb;
  return fc.oneof(
    { arbitrary: validArb, weight: 4 },
    { arbitrary: fc.constantFrom(...invalid), weight: 1 },
  );
}

export function templateArb(userIds: readonly string[]): fc.Arbitrary<CommandTemplate> {
  return fc.record({
    type: fc.constantFrom(...COMMAND_TYPES),
    role: fc.constantFrom(...USER_ROLES),
    transferTo: fc.option(fc.constantFrom(...userIds), { nil: undefined, freq: 2 }),
    reason: mostly(["Unknown person"], "", "r".repeat(2001)),
    name: mostly([undefined, "Ada", " Bob "], ""),
    phone: mostly([undefined, null, "+49 30 1"], ""),
    email: mostly(["ada@example.org"], "Ada@Example.org"),
    passwordHash: mostly(["$argon2id$a", "$argon2id$b"], ""),
  });
}

export function actorArb(userIds: readonly string[]): fc.Arbitrary<UserActor> {
  return fc.oneof(
    fc.constant<UserActor>({ system: true }),
    fc.record({ userId: fc.constantFrom(...userIds), role: fc.constantFrom(...USER_ROLES) }),
  );
}

export function buildCommand(t: CommandTemplate, userId: string, actor: UserActor): UserCommand {
  const base = { userId, actor };
  switch (t.type) {
    case "RegisterUser":
    case "CreateOwner":
      return {
        ...base,
        type: t.type,
        email: t.email,
        name: t.name ?? "Ada",
        phone: t.phone,
        passwordHash: t.passwordHash,
      };
    case "RejectUser":
      return { ...base, type: t.type, reason: t.reason };
    case "ChangeUserRole":
      return t.transferTo === undefined
        ? { ...base, type: t.type, role: t.role }
        : { ...base, type: t.type, role: t.role, transferOwnershipTo: t.transferTo };
    case "ChangeUserProfile":
      return { ...base, type: t.type, name: t.name, phone: t.phone };
    case "ChangePassword":
      return { ...base, type: t.type, passwordHash: t.passwordHash };
    default:
      return { ...base, type: t.type };
  }
}
