import type { UserRole } from "./user.role.ts";

/**
 * Who issues a command. The api resolves a signed-in principal to `{ userId, role }` from that
 * user's own aggregate (and refuses pending, rejected and disabled principals before a command
 * is built); `{ system: true }` is the process itself: the bootstrap owner, open self-registration,
 * operator recovery. The decider trusts the role it is given and decides only on it.
 */
export type UserActor = UserPrincipal | SystemActor;
export interface UserPrincipal {
  userId: string;
  role: UserRole;
}
export interface SystemActor {
  system: true;
}

export function isSystemActor(actor: UserActor): actor is SystemActor {
  return "system" in actor && actor.system === true;
}

export function isActing(actor: UserActor, userId: string): boolean {
  return !isSystemActor(actor) && actor.userId === userId;
}
