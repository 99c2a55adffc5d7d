import { AppError } from "../errors/app-error.ts";
import { type Permission, roleHasPermission } from "./permissions.ts";
import type { Principal, UserPrincipal } from "./principal.ts";

/** The one authorization check: who may act (status) and what they may do (role). */
export function requirePermission(principal: Principal, permission: Permission): UserPrincipal {
  if (principal.kind === "anonymous") {
    throw new AppError("UNAUTHENTICATED", "Log in or send an API token.");
  }
  if (principal.kind === "guest") {
    throw new AppError("FORBIDDEN", "A booking token opens only its booking.");
  }
  if (principal.status === "pending") {
    throw new AppError("ACCOUNT_PENDING", "The account waits for an administrator's approval.");
  }
  if (principal.status !== "active") {
    throw new AppError("ACCOUNT_DISABLED", "The account is disabled.");
  }
  if (!roleHasPermission(principal.role, permission)) {
    throw new AppError("FORBIDDEN", "Your role does not allow this.");
  }
  return principal;
}
