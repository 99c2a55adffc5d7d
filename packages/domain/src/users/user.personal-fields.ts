import type { UserEventType } from "./user.events.ts";

/**
 * The fields of each user event's `data` that are the person's data and must be encrypted
 * with their key (event store `personal: { subjectId: userId, fields }`), so erasure shreds them.
 * Beyond name, e-mail and phone: the password hash (nothing of the person should outlive
 * erasure, and an erased account never logs in) and the rejection reason (it is free text
 * about the person, written by an admin).
 */
export const USER_PERSONAL_FIELDS: Readonly<Record<UserEventType, readonly string[]>> =
  Object.freeze({
    UserRegistered: ["email", "name", "phone", "passwordHash"],
    OwnerCreated: ["email", "name", "phone", "passwordHash"],
    UserApproved: [],
    UserRejected: ["reason"],
    UserRoleChanged: [],
    UserDisabled: [],
    UserEnabled: [],
    UserErased: [],
    UserProfileChanged: ["name", "phone"],
    UserPasswordChanged: ["passwordHash"],
  });
