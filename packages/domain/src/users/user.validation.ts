import type { NewAccountFields } from "./user.commands.ts";
import { isNormalizedEmail, looksLikeEmail } from "./user.email.ts";
import {
  TEXT_MAX_LENGTH,
  USER_EMAIL_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
  USER_PHONE_MAX_LENGTH,
} from "./user.limits.ts";
import { USER_LANGUAGES } from "./user.role.ts";

/**
 * Field checks the domain owns, as field → messages (the shape of `VALIDATION_FAILED`
 * details). The api's schemas check the same limits first; these hold for every other caller.
 */
export type FieldProblems = Record<string, string[]>;

function add(problems: FieldProblems, field: string, message: string | null): void {
  if (message !== null) problems[field] = [...(problems[field] ?? []), message];
}

export function nameProblem(name: string): string | null {
  if (name.trim() === "") return "must not be empty";
  if (name.length > USER_NAME_MAX_LENGTH)
    return `must be at most ${USER_NAME_MAX_LENGTH} characters`;
  return null;
}

export function phoneProblem(phone: string | null | undefined): string | null {
  if (phone === null || phone === undefined) return null;
  if (phone.trim() === "") return "must not be empty (use null to clear it)";
  if (phone.length > USER_PHONE_MAX_LENGTH) {
    return `must be at most ${USER_PHONE_MAX_LENGTH} characters`;
  }
  return null;
}

function emailProblem(email: string): string | null {
  if (!isNormalizedEmail(email)) return "must be normalized (trimmed and lower-cased)";
  if (email.length > USER_EMAIL_MAX_LENGTH) {
    return `must be at most ${USER_EMAIL_MAX_LENGTH} characters`;
  }
  if (!looksLikeEmail(email)) return "must be an e-mail address";
  return null;
}

export function passwordHashProblem(passwordHash: string): string | null {
  return passwordHash === "" ? "must not be empty" : null;
}

export function languageProblem(language: string | null | undefined): string | null {
  if (language === null || language === undefined) return null;
  return (USER_LANGUAGES as readonly string[]).includes(language)
    ? null
    : `must be one of ${USER_LANGUAGES.join(", ")}`;
}

export function reasonProblem(reason: string): string | null {
  if (reason.trim() === "") return "is required";
  if (reason.length > TEXT_MAX_LENGTH) return `must be at most ${TEXT_MAX_LENGTH} characters`;
  return null;
}

export function userIdProblem(userId: string): string | null {
  return userId.trim() === "" ? "must not be empty" : null;
}

export function newAccountProblems(userId: string, fields: NewAccountFields): FieldProblems {
  const problems: FieldProblems = {};
  add(problems, "userId", userIdProblem(userId));
  add(problems, "email", emailProblem(fields.email));
  add(problems, "name", nameProblem(fields.name));
  add(problems, "phone", phoneProblem(fields.phone));
  add(problems, "passwordHash", passwordHashProblem(fields.passwordHash));
  add(problems, "preferredLanguage", languageProblem(fields.preferredLanguage));
  return problems;
}

/** Collects one problem per named field, skipping the fields without any. */
export function fieldProblems(checks: Record<string, string | null>): FieldProblems {
  const problems: FieldProblems = {};
  for (const [field, message] of Object.entries(checks)) add(problems, field, message);
  return problems;
}
