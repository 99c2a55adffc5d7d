export {
  type BookingQuestion,
  type Closure,
  type LocalDate,
  type Money,
  type Offering,
  type OpeningHours,
  type OpeningInterval,
  type Resource,
  type SlotOffering,
  type SlotSettings,
  type StayOffering,
  type StaySettings,
  type TimeOfDay,
  type Venue,
  type VenuePolicies,
  WEEKDAYS,
  type Weekday,
} from "./catalog/catalog.types.ts";
export { type Decider, foldEvents } from "./shared/decider.ts";
export type { SystemActor, UserActor, UserPrincipal } from "./users/user.actor.ts";
export { isActing, isSystemActor } from "./users/user.actor.ts";
export type {
  ApproveUser,
  ChangePassword,
  ChangeUserProfile,
  ChangeUserRole,
  CreateOwner,
  DisableUser,
  EnableUser,
  EraseUser,
  NewAccountFields,
  RegisterUser,
  RejectUser,
  UserCommand,
} from "./users/user.commands.ts";
export { decideUser, type UserDecider, userDecider } from "./users/user.decider.ts";
export { isNormalizedEmail, normalizeEmail } from "./users/user.email.ts";
export { isUserFailure, type UserFailure, type UserRule } from "./users/user.errors.ts";
export type {
  NewAccountData,
  OwnerCreated,
  OwnershipTransfer,
  UserApproved,
  UserDisabled,
  UserEnabled,
  UserErased,
  UserEvent,
  UserEventType,
  UserPasswordChanged,
  UserProfileChanged,
  UserRegistered,
  UserRejected,
  UserRoleChanged,
} from "./users/user.events.ts";
export {
  PASSWORD_POLICY,
  passwordPolicyViolation,
  REASON_MAX_LENGTH,
  USER_EMAIL_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
  USER_PHONE_MAX_LENGTH,
} from "./users/user.limits.ts";
export {
  decideOwnershipTransfer,
  type OwnershipTransferDecision,
} from "./users/user.ownership-transfer.ts";
export { mayChangeRoles, mayManage } from "./users/user.permissions.ts";
export { USER_PERSONAL_FIELDS } from "./users/user.personal-fields.ts";
export { USER_LANGUAGES, USER_ROLES, type UserLanguage, type UserRole } from "./users/user.role.ts";
export {
  type ErasedUser,
  evolveUser,
  initialUserState,
  isLiveUser,
  type LiveUser,
  type NotExistingUser,
  type UserProfile,
  type UserState,
  type UserStateStatus,
  type UserStatus,
} from "./users/user.state.ts";
export {
  type CatalogCommand,
  type CatalogEvent,
  type CatalogFailure,
  decideCatalogEntity,
  evolveCatalogEntity,
} from "./catalog/catalog-entity.decider.ts";
