import type { UserLanguage, UserRole } from "./user.role.ts";

/**
 * Events follow the event store's `{ type, data }` shape. Every event carries `at` (the
 * decision's `now`) and the user id; who acted goes into the event metadata, from the command.
 * Personal fields are listed in user.personal-fields.ts for encryption with the user's key.
 */
interface UserEventData {
  userId: string;
  at: string;
}

export interface NewAccountData extends UserEventData {
  email: string;
  name: string;
  phone: string | null;
  passwordHash: string;
  preferredLanguage: UserLanguage | null;
}

/** Both sides of an ownership transfer carry the same pair, so the api can check they match. */
export interface OwnershipTransfer {
  from: string;
  to: string;
}

export type UserRegistered = { type: "UserRegistered"; data: NewAccountData };
export type OwnerCreated = { type: "OwnerCreated"; data: NewAccountData };
export type UserApproved = { type: "UserApproved"; data: UserEventData };
export type UserRejected = { type: "UserRejected"; data: UserEventData & { reason: string } };
export type UserRoleChanged = {
  type: "UserRoleChanged";
  data: UserEventData & {
    from: UserRole;
    to: UserRole;
    ownershipTransfer: OwnershipTransfer | null;
  };
};
export type UserDisabled = { type: "UserDisabled"; data: UserEventData };
export type UserEnabled = { type: "UserEnabled"; data: UserEventData };
export type UserErased = { type: "UserErased"; data: UserEventData };
/** Only the fields that changed are present; `phone`/`preferredLanguage` null means cleared. */
export type UserProfileChanged = {
  type: "UserProfileChanged";
  data: UserEventData & {
    name?: string;
    phone?: string | null;
    preferredLanguage?: UserLanguage | null;
  };
};
export type UserPasswordChanged = {
  type: "UserPasswordChanged";
  data: UserEventData & { passwordHash: string };
};

export type UserEvent =
  | UserRegistered
  | OwnerCreated
  | UserApproved
  | UserRejected
  | UserRoleChanged
  | UserDisabled
  | UserEnabled
  | UserErased
  | UserProfileChanged
  | UserPasswordChanged;

export type UserEventType = UserEvent["type"];
