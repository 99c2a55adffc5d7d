import type { MessageKey } from "../i18n/en.ts";

export type FieldProblems<Field extends string> = Partial<Record<Field, MessageKey>>;

// The same rules as the server's schemas (packages/contracts), checked before sending so
// that people get the message in their language and at once; the server still decides.
const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9 ()./-]+$/;

export function validateRegistration(values: {
  name: string;
  email: string;
  phone: string;
  password: string;
}): FieldProblems<"name" | "email" | "phone" | "password"> {
  const problems: FieldProblems<"name" | "email" | "phone" | "password"> = {};
  if (values.name.trim() === "") problems.name = "validation.required";
  const emailProblem = validateEmail(values.email);
  if (emailProblem) problems.email = emailProblem;
  const phone = values.phone.trim();
  if (phone !== "" && (phone.length < 3 || phone.length > 40 || !phonePattern.test(phone))) {
    problems.phone = "validation.phone";
  }
  if (values.password.length < 10) problems.password = "validation.passwordLength";
  return problems;
}

export function validateLogin(values: {
  email: string;
  password: string;
}): FieldProblems<"email" | "password"> {
  const problems: FieldProblems<"email" | "password"> = {};
  const emailProblem = validateEmail(values.email);
  if (emailProblem) problems.email = emailProblem;
  if (values.password === "") problems.password = "validation.required";
  return problems;
}

function validateEmail(email: string): MessageKey | undefined {
  const trimmed = email.trim();
  if (trimmed === "") return "validation.required";
  return emailPattern.test(trimmed) ? undefined : "validation.email";
}

export function hasProblems(problems: Partial<Record<string, unknown>>): boolean {
  return Object.values(problems).some((problem) => problem !== undefined);
}
