import { isSystemActor, type UserActor } from "./user.actor.ts";
import type { UserRole } from "./user.role.ts";

/**
 * Who may act on whose account, from the actor's role and the target's role alone. Admins run
 * the members; only the owner runs the admins; nobody runs the owner (the owner's own account
 * changes only through the owner, and never so that no owner is left: see the deciders).
 * The system actor has an admin's reach: it acts for the operator, not for a person.
 */
export function mayManage(actor: UserActor, targetRole: UserRole): boolean {
  if (targetRole === "owner") return false;
  if (isSystemActor(actor)) return targetRole === "member";
  if (actor.role === "owner") return true;
  if (actor.role === "admin") return targetRole === "member";
  return false;
}

/** Granting or removing admin and handing over ownership are the owner's decisions alone. */
export function mayChangeRoles(actor: UserActor): boolean {
  return !isSystemActor(actor) && actor.role === "owner";
}
