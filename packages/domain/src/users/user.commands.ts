import type { UserActor } from "./user.actor.ts";
import type { UserLanguage, UserRole } from "./user.role.ts";

interface UserCommandBase {
  /** The user the command is about: the stream the api loaded the state from. */
  userId: string;
  actor: UserActor;
}

/** What an account starts with; `email` must already be `normalizeEmail`-ed. */
export interface NewAccountFields {
  email: string;
  name: string;
  phone?: string | null;
  /** An opaque argon2id hash: hashing happens in the api. */
  passwordHash: string;
  preferredLanguage?: UserLanguage | null;
}

export interface RegisterUser extends UserCommandBase, NewAccountFields {
  type: "RegisterUser";
}

/** The bootstrap owner (config or setup link); the api checks that no owner exists yet. */
export interface CreateOwner extends UserCommandBase, NewAccountFields {
  type: "CreateOwner";
}

export interface ApproveUser extends UserCommandBase {
  type: "ApproveUser";
}

export interface RejectUser extends UserCommandBase {
  type: "RejectUser";
  reason: string;
}

export interface ChangeUserRole extends UserCommandBase {
  type: "ChangeUserRole";
  role: UserRole;
  /** Only on the owner's own demotion: the successor who is promoted in the same transaction. */
  transferOwnershipTo?: string;
}

export interface DisableUser extends UserCommandBase {
  type: "DisableUser";
}

/** Undoes DisableUser; the user comes back with the role they had. */
export interface EnableUser extends UserCommandBase {
  type: "EnableUser";
}

export interface EraseUser extends UserCommandBase {
  type: "EraseUser";
}

/** PATCH semantics: an absent field stays unchanged; `null` clears the optional ones. */
export interface ChangeUserProfile extends UserCommandBase {
  type: "ChangeUserProfile";
  name?: string;
  phone?: string | null;
  preferredLanguage?: UserLanguage | null;
}

export interface ChangePassword extends UserCommandBase {
  type: "ChangePassword";
  passwordHash: string;
}

export type UserCommand =
  | RegisterUser
  | CreateOwner
  | ApproveUser
  | RejectUser
  | ChangeUserRole
  | DisableUser
  | EnableUser
  | EraseUser
  | ChangeUserProfile
  | ChangePassword;
