import type { Role } from "@booking/contracts";

/**
 * Every permission a procedure can require, and the one map that grants them to roles.
 * Procedures declare what they need; nothing else decides who may do what.
 */
export const permissions = [
  "account:use", // my profile, export, erasure, API tokens, my bookings
  "users:read",
  "users:approve",
  "users:disable",
  "users:change-role",
  "admins:manage", // grant or take the admin role, transfer ownership
] as const;

export type Permission = (typeof permissions)[number];

const member: Permission[] = ["account:use"];
const admin: Permission[] = [
  ...member,
  "users:read",
  "users:approve",
  "users:disable",
  "users:change-role",
];
const owner: Permission[] = [...admin, "admins:manage"];

export const permissionsByRole: Record<Role, ReadonlySet<Permission>> = {
  member: new Set(member),
  admin: new Set(admin),
  owner: new Set(owner),
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].has(permission);
}
