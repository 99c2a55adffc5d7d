import { AppError } from "../errors/app-error.ts";
import type { Principal, UserPrincipal } from "./principal.ts";

/**
 * Who may call a procedure, declared where the procedure is defined:
 * - `anyone`: no credentials needed (reads of the catalog, booking as a guest, login);
 * - `guest`: a guest with a manage token (`X-Booking-Token`); which booking it opens is
 *   checked by the procedure, since only it knows the booking named in the input;
 * - `member`: any active user (members, admins, the owner);
 * - `admin`: admins and the owner;
 * - `owner`: the owner alone.
 * Rules about *which* records a caller may touch (a member's own booking, nobody manages
 * the owner) stay in the domain's deciders.
 */
export const accessLevels = ["anyone", "guest", "member", "admin", "owner"] as const;
export type Access = (typeof accessLevels)[number];

/** What a procedure knows of its caller once `authorize` let it through. */
export type AuthorizedPrincipal<A extends Access> = "anyone" extends A
  ? Principal
  : "guest" extends A
    ? Extract<Principal, { kind: "guest" | "user" }>
    : UserPrincipal;

/**
 * The one authorization check. Order: credentials (401), account status (403 pending or
 * disabled), role (403). A manage token is no login: where guests are not allowed it counts
 * as no credentials at all.
 */
export function authorize<A extends Access>(
  allowed: readonly A[],
  principal: Principal,
): AuthorizedPrincipal<A> {
  const levels: readonly Access[] = allowed;
  if (levels.includes("anyone")) return principal as AuthorizedPrincipal<A>;
  if (principal.kind === "guest" && levels.includes("guest")) {
    return principal as AuthorizedPrincipal<A>;
  }
  if (principal.kind !== "user") {
    throw new AppError("UNAUTHENTICATED", "Log in or send an API token.");
  }
  requireActive(principal);
  if (!levels.some((level) => roleMeets(principal.role, level))) {
    throw new AppError("FORBIDDEN", "Your role does not allow this.");
  }
  return principal as AuthorizedPrincipal<A>;
}

/**
 * A user acts only while active. Procedures open to anyone call this when a signed-in
 * caller acts as themselves (booking as a pending user is refused like anything else).
 */
export function requireActive(user: UserPrincipal): UserPrincipal {
  if (user.status === "pending") {
    throw new AppError("ACCOUNT_PENDING", "The account waits for an administrator's approval.");
  }
  if (user.status !== "active") {
    throw new AppError("ACCOUNT_DISABLED", "The account is disabled.");
  }
  return user;
}

function roleMeets(role: UserPrincipal["role"], level: Access): boolean {
  switch (level) {
    case "member":
      return true;
    case "admin":
      return role === "admin" || role === "owner";
    case "owner":
      return role === "owner";
    default:
      return false;
  }
}

/** The answer `authorize` gives a principal: allowed, or the error's code. */
export function accessOutcome(allowed: readonly Access[], principal: Principal): string {
  try {
    authorize(allowed, principal);
    return "allowed";
  } catch (error) {
    return error instanceof AppError ? error.code : "INTERNAL";
  }
}
