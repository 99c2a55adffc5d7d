import type { BookingClientErrorInfo } from "@booking/client";
import type { MessageKey } from "../../i18n/en.ts";

export interface ProblemText {
  key: MessageKey;
  values?: Record<string, string | number>;
}

/**
 * Problems of an editor's form by the api's field path ("name", "price.amount",
 * "openingHours.mon.0", "questions.1.options"); each field shows the one at its path.
 * "form" is for what concerns no single field.
 */
export type Problems = Record<string, ProblemText>;

// The server's sentences (packages/contracts) are English and for developers; the editor
// shows each in the reader's language. Unknown ones still get a sentence at their field.
const knownMessages: Record<string, MessageKey> = {
  "must not be empty": "validation.required",
  "must end after it starts": "adminCatalog.problem.endBeforeStart",
  "intervals must not overlap": "adminCatalog.problem.overlap",
  "must not end before it starts": "adminCatalog.problem.closureOrder",
  "must be a time HH:MM": "adminCatalog.problem.time",
  "24:00 is only allowed as an end": "adminCatalog.problem.time",
  "must be a date YYYY-MM-DD": "adminCatalog.problem.date",
  "must be an IANA time zone": "adminCatalog.problem.timeZone",
  "must be an ISO 4217 currency code": "adminCatalog.problem.currency",
  "must be an ISO 3166 country code": "adminCatalog.problem.country",
  "must not be below minNights": "adminCatalog.problem.maxNights",
  "must divide a day (e.g. 5, 10, 15, 30, 60)": "adminCatalog.problem.step",
  "select questions need options; others have none": "adminCatalog.problem.options",
  "question keys must be unique": "adminCatalog.problem.questionKeys",
  "must not be below min": "adminCatalog.problem.maxBelowMin",
  "only number questions have bounds": "adminCatalog.problem.invalid",
};

/** One server sentence in the reader's language, with zod's limits kept ("at least 1"). */
export function problemOfMessage(message: string): ProblemText {
  const known = knownMessages[message];
  if (known) return { key: known };
  if (/^must be [A-Z]{3}$/.test(message)) return { key: "adminCatalog.problem.currencyOfVenue" };
  const atLeast = /^Too small: expected number to be >=?(-?[\d.]+)$/.exec(message);
  if (atLeast?.[1])
    return { key: "adminCatalog.problem.atLeast", values: { min: Number(atLeast[1]) } };
  const atMost = /^Too big: expected number to be <=?(-?[\d.]+)$/.exec(message);
  if (atMost?.[1])
    return { key: "adminCatalog.problem.atMost", values: { max: Number(atMost[1]) } };
  if (/^Too small: expected (string|array) to have >=1 /.test(message)) {
    return { key: "validation.required" };
  }
  if (/^Invalid input: expected (int|number)/.test(message)) {
    return { key: "adminCatalog.problem.wholeNumber" };
  }
  if (message.startsWith("not resources of this venue")) {
    return { key: "adminCatalog.problem.foreignResources" };
  }
  return { key: "adminCatalog.problem.invalid" };
}

// tRPC inputs wrap the body: `{id, patch}`, `{venueId, offering}`, `{venueId, resource}`.
const wrappers = new Set(["patch", "venue", "offering", "resource"]);

/**
 * A `VALIDATION_FAILED` refusal as problems by field path, the wrapper of the call's input
 * taken off. Empty for any other refusal (the page shows those as one alert).
 */
export function problemsOfRefusal(
  info: Pick<BookingClientErrorInfo, "code" | "details"> | undefined,
): Problems {
  const problems: Problems = {};
  if (info?.code !== "VALIDATION_FAILED" || !info.details) return problems;
  for (const [path, messages] of Object.entries(info.details)) {
    if (!Array.isArray(messages) || typeof messages[0] !== "string") continue;
    const [head, ...rest] = path.split(".");
    const field = head && wrappers.has(head) && rest.length > 0 ? rest.join(".") : path;
    problems[field === "(body)" || field === "patch" ? "form" : field] ??= problemOfMessage(
      messages[0],
    );
  }
  if (Object.keys(problems).length === 0) problems.form = { key: "errors.VALIDATION_FAILED" };
  return problems;
}

/** The first problem at a path or below it ("openingHours.mon" also finds "openingHours.mon.0"). */
export function problemAt(problems: Problems, path: string): ProblemText | undefined {
  if (problems[path]) return problems[path];
  const below = Object.keys(problems).find((key) => key.startsWith(`${path}.`));
  return below ? problems[below] : undefined;
}

/**
 * The problems no field of the form shows: their paths lie outside the form's fields (the
 * whole body, a part the form has no field for). They are told in the form's summary.
 */
export function unplacedProblems(problems: Problems, fieldPaths: readonly string[]): ProblemText[] {
  return Object.entries(problems)
    .filter(([path]) => !fieldPaths.some((field) => path === field || path.startsWith(`${field}.`)))
    .map(([, problem]) => problem);
}
