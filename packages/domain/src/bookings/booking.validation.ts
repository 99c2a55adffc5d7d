import type { BookingQuestion } from "../catalog/catalog.types.ts";
import { isNormalizedEmail, looksLikeEmail } from "../users/user.email.ts";
import {
  TEXT_MAX_LENGTH,
  USER_NAME_MAX_LENGTH,
  USER_PHONE_MAX_LENGTH,
} from "../users/user.limits.ts";
import type { BookedBy, BookingAnswers, GuestContact } from "./booking.request.ts";

/**
 * Field checks the domain owns, as field → messages (the shape of `VALIDATION_FAILED`
 * details). The api's schemas check the same first; these hold for every other caller.
 */
export type FieldProblems = Record<string, string[]>;

export function addProblem(problems: FieldProblems, field: string, message: string | null): void {
  if (message !== null) problems[field] = [...(problems[field] ?? []), message];
}

/** Notes, reasons and text answers: at most TEXT_MAX_LENGTH characters (docs/api.md). */
export function textProblem(text: string | null | undefined, required: boolean): string | null {
  if (text === null || text === undefined || text.trim() === "") {
    return required ? "is required" : null;
  }
  return text.length > TEXT_MAX_LENGTH ? `must be at most ${TEXT_MAX_LENGTH} characters` : null;
}

/** Blank notes are no notes: stored as null so read models need not tell "" from absent. */
export function cleanText(text: string | null | undefined): string | null {
  const trimmed = text?.trim() ?? "";
  return trimmed === "" ? null : trimmed;
}

function guestProblems(problems: FieldProblems, guest: GuestContact): void {
  if (guest.name.trim() === "") addProblem(problems, "guest.name", "must not be empty");
  if (guest.name.length > USER_NAME_MAX_LENGTH) {
    addProblem(problems, "guest.name", `must be at most ${USER_NAME_MAX_LENGTH} characters`);
  }
  if (!isNormalizedEmail(guest.email)) {
    addProblem(problems, "guest.email", "must be normalized (trimmed and lower-cased)");
  } else if (!looksLikeEmail(guest.email)) {
    addProblem(problems, "guest.email", "must be an e-mail address");
  }
  // The workshop calls its guests back; without an account there is no other channel.
  if (guest.phone.trim() === "") addProblem(problems, "guest.phone", "must not be empty");
  if (guest.phone.length > USER_PHONE_MAX_LENGTH) {
    addProblem(problems, "guest.phone", `must be at most ${USER_PHONE_MAX_LENGTH} characters`);
  }
}

export function bookedByProblems(problems: FieldProblems, bookedBy: BookedBy): void {
  if ("guest" in bookedBy) guestProblems(problems, bookedBy.guest);
  else if (bookedBy.userId.trim() === "") addProblem(problems, "bookedBy", "must name a user");
}

/**
 * Answers must fit the offering's questions. Required answers are enforced only once the
 * booking is requested (`complete`): a hold is taken before the form is filled in.
 */
export function answerProblems(
  problems: FieldProblems,
  answers: BookingAnswers,
  questions: readonly BookingQuestion[],
  complete: boolean,
): void {
  const byKey = new Map(questions.map((question) => [question.key, question]));
  for (const [key, value] of Object.entries(answers)) {
    const question = byKey.get(key);
    if (!question) addProblem(problems, `answers.${key}`, "is not a question of this offering");
    else addProblem(problems, `answers.${key}`, answerProblem(question, value));
  }
  if (!complete) return;
  for (const question of questions) {
    const value = answers[question.key];
    if (question.required && (value === undefined || value === "")) {
      addProblem(problems, `answers.${question.key}`, "is required");
    }
  }
}

function answerProblem(question: BookingQuestion, value: string | number): string | null {
  if (question.type === "number") {
    if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
    if (question.min !== undefined && value < question.min)
      return `must be at least ${question.min}`;
    if (question.max !== undefined && value > question.max)
      return `must be at most ${question.max}`;
    return null;
  }
  if (typeof value !== "string") return "must be text";
  if (question.type === "select" && !(question.options ?? []).includes(value)) {
    return "must be one of the options";
  }
  return textProblem(value, false);
}
