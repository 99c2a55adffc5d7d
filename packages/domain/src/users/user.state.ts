import type { UserEvent } from "./user.events.ts";
import type { UserLanguage, UserRole } from "./user.role.ts";

/** The statuses the public contract shows (docs/api.md). */
export const USER_STATUSES = ["pending", "active", "rejected", "disabled", "erased"] as const;
export type UserStatus = (typeof USER_STATUSES)[number];
/** A user's statuses plus the state before registration. */
export type UserStateStatus = UserStatus | "not_existing";

export interface UserProfile {
  email: string;
  name: string;
  phone: string | null;
  preferredLanguage: UserLanguage | null;
}

export interface NotExistingUser {
  status: "not_existing";
}

/** Any status in which the account still holds the person's data. */
export interface LiveUser {
  status: "pending" | "active" | "rejected" | "disabled";
  userId: string;
  /** `member` from registration on; it only takes effect once the user is active. */
  role: UserRole;
  profile: UserProfile;
  passwordHash: string;
  createdAt: string;
  rejectionReason: string | null;
}

/** Terminal, and without personal data: only what read models need to show "erased". */
export interface ErasedUser {
  status: "erased";
  userId: string;
  role: UserRole;
  createdAt: string;
  erasedAt: string;
}

/** Plain JSON (strings, no Dates) so the event store can snapshot it. */
export type UserState = NotExistingUser | LiveUser | ErasedUser;

export const initialUserState: UserState = Object.freeze({ status: "not_existing" });

export function isLiveUser(state: UserState): state is LiveUser {
  return state.status !== "not_existing" && state.status !== "erased";
}

/**
 * Folds one event. Events the state cannot take (which `decideUser` never produces) leave it
 * unchanged rather than throw, so a stream read back after crypto-shredding still loads.
 */
export function evolveUser(state: UserState, event: UserEvent): UserState {
  if (event.type === "UserRegistered" || event.type === "OwnerCreated") {
    if (state.status !== "not_existing") return state;
    const { userId, email, name, phone, passwordHash, preferredLanguage, at } = event.data;
    return {
      status: event.type === "OwnerCreated" ? "active" : "pending",
      userId,
      role: event.type === "OwnerCreated" ? "owner" : "member",
      profile: { email, name, phone, preferredLanguage },
      passwordHash,
      createdAt: at,
      rejectionReason: null,
    };
  }
  if (!isLiveUser(state)) return state;
  switch (event.type) {
    case "UserApproved":
    case "UserEnabled":
      return { ...state, status: "active" };
    case "UserRejected":
      return { ...state, status: "rejected", rejectionReason: event.data.reason };
    case "UserDisabled":
      return { ...state, status: "disabled" };
    case "UserRoleChanged":
      return { ...state, role: event.data.to };
    case "UserPasswordChanged":
      return { ...state, passwordHash: event.data.passwordHash };
    case "UserProfileChanged": {
      const { name, phone, preferredLanguage } = event.data;
      const profile = { ...state.profile };
      if (name !== undefined) profile.name = name;
      if (phone !== undefined) profile.phone = phone;
      if (preferredLanguage !== undefined) profile.preferredLanguage = preferredLanguage;
      return { ...state, profile };
    }
    case "UserErased": {
      const { userId, role, createdAt } = state;
      return { status: "erased", userId, role, createdAt, erasedAt: event.data.at };
    }
  }
}
