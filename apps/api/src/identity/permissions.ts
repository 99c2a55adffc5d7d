import type { Role } from "@booking/contracts";

/**
 * Every permission a procedure can require, and the one map that grants them to roles.
 * Procedures declare what they need. Rules about whom an action may touch (nobody manages
 * the owner) belong to the domain deciders.
 */
export const permissions = [
  "account:use", // my profile, export, erasure, API tokens, my bookings
  "users:read",
  "users:approve",
  "users:disable",
  "users:change-role", // grant or take the admin role; only the owner
  "catalog:write", // venues, resources, offerings
] as const;

export type Permission = (typeof permissions)[number];

const member: Permission[] = ["account:use"];
const admin: Permission[] = [
  ...member,
  "users:read",
  "users:approve",
  "users:disable",
  "catalog:write",
];
const owner: Permission[] = [...admin, "users:change-role"];

export const permissionsByRole: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(member),
  admin: new Set(admin),
  owner: new Set(owner),
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].has(permission);
}
