import { bookingErrorInfo } from "@booking/client";
import type { OfferingDto } from "@booking/contracts";
import type { MessageKey } from "../../i18n/en.ts";
import type { Language } from "../../i18n/languages.ts";

export type Question = NonNullable<OfferingDto["questions"]>[number];

export interface GuestContact {
  name: string;
  email: string;
  phone: string;
  language: Language;
}

/** Field names: `guest.name`, `guest.email`, `guest.phone`, `answers.<key>`, `notes` (as the api's details). */
export type Problems = Record<string, string>;

interface Text {
  key: MessageKey;
  values?: Record<string, string | number>;
}

// The server's rules (packages/contracts), checked first so the message comes at once and
// in the reader's language; the server still decides.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()./-]+$/;

export function guestProblems(guest: GuestContact): Record<string, Text> {
  const problems: Record<string, Text> = {};
  const name = guest.name.trim();
  if (name === "") problems["guest.name"] = { key: "validation.required" };
  const email = guest.email.trim();
  if (email === "") problems["guest.email"] = { key: "validation.required" };
  else if (!emailPattern.test(email)) problems["guest.email"] = { key: "validation.email" };
  const phone = guest.phone.trim();
  if (phone === "") problems["guest.phone"] = { key: "validation.required" };
  else if (phone.length < 3 || phone.length > 40 || !phonePattern.test(phone)) {
    problems["guest.phone"] = { key: "validation.phone" };
  }
  return problems;
}

export function answerProblems(
  questions: readonly Question[],
  answers: Record<string, string>,
): Record<string, Text> {
  const problems: Record<string, Text> = {};
  for (const question of questions) {
    const value = (answers[question.key] ?? "").trim();
    const field = `answers.${question.key}`;
    if (value === "") {
      if (question.required) problems[field] = { key: "validation.required" };
    } else if (question.type === "number" && !Number.isFinite(Number(value.replace(",", ".")))) {
      problems[field] = { key: "bookSlot.number" };
    }
  }
  return problems;
}

/** The answers as the api takes them: numbers as numbers, blank ones left out. */
export function answersToSend(questions: readonly Question[], answers: Record<string, string>) {
  const result: Record<string, string | number> = {};
  for (const question of questions) {
    const value = (answers[question.key] ?? "").trim();
    if (value === "") continue;
    result[question.key] = question.type === "number" ? Number(value.replace(",", ".")) : value;
  }
  return result;
}

/** `VALIDATION_FAILED` details beside their fields: the api's message, in a sentence. */
export function serverProblems(error: unknown): Record<string, Text> {
  const info = bookingErrorInfo(error);
  const problems: Record<string, Text> = {};
  if (info?.code !== "VALIDATION_FAILED" || !info.details) return problems;
  for (const [field, messages] of Object.entries(info.details)) {
    const message = Array.isArray(messages) ? String(messages[0] ?? "") : String(messages);
    problems[field] =
      message === "is required"
        ? { key: "validation.required" }
        : { key: "bookSlot.fieldInvalid", values: { message } };
  }
  return problems;
}

const rules = new Set([
  "IN_PAST",
  "MIN_NOTICE",
  "MAX_ADVANCE",
  "CLOSED",
  "OFF_GRID",
  "CAPACITY",
  "GUESTS",
]);

export type Refusal =
  | { kind: "expired" }
  | { kind: "taken" }
  | { kind: "text"; text: Text }
  | { kind: "other" };

/** What a refused hold or booking means for the booker; "other" is left to the general text. */
export function refusalOf(error: unknown): Refusal {
  const info = bookingErrorInfo(error);
  if (info?.code === "SLOT_UNAVAILABLE") return { kind: "taken" };
  if (info?.code !== "RULE_VIOLATION") return { kind: "other" };
  const rule = typeof info.details?.rule === "string" ? info.details.rule : "";
  if (rule === "HOLD_EXPIRED") return { kind: "expired" };
  if (rules.has(rule))
    return { kind: "text", text: { key: `bookSlot.rule.${rule}` as MessageKey } };
  return { kind: "text", text: { key: "bookSlot.rule.other", values: { message: info.message } } };
}
