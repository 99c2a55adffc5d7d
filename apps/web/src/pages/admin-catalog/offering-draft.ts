import type { OfferingDto } from "@booking/contracts";
import { toMajorUnitsText, toMinorUnits } from "./money.ts";
import type { Problems } from "./problems.ts";
import { questionKey } from "./question-key.ts";
import { normalTime } from "./venue-draft.ts";
import { readWholeNumber } from "./whole-number.ts";

type Question = NonNullable<OfferingDto["questions"]>[number];
export type QuestionType = Question["type"];

export interface QuestionDraft {
  /** The saved key; new questions get theirs from the label when saved. */
  key: string | undefined;
  label: string;
  type: QuestionType;
  required: boolean;
  /** A select's options, one per line. */
  options: string;
  /** A number's bounds as typed; empty for none. */
  min: string;
  max: string;
}

/** An offering as its form holds it: amounts in major units, numbers as typed. */
export interface OfferingDraft {
  name: string;
  mode: "stay" | "slot";
  price: string;
  resourceIds: string[];
  minNights: string;
  maxNights: string;
  checkInTime: string;
  checkOutTime: string;
  perGuestNightly: string;
  durationMinutes: string;
  bufferBeforeMinutes: string;
  bufferAfterMinutes: string;
  stepMinutes: string;
  questions: QuestionDraft[];
}

/** The body of a create: an offering of either mode without its ids. */
export type OfferingInput = OfferingDto extends infer Mode
  ? Mode extends OfferingDto
    ? Omit<Mode, "id" | "venueId">
    : never
  : never;

export function offeringDraft(
  offering: OfferingDto | undefined,
  currency: string,
  locale: string,
): OfferingDraft {
  const money = (amount: number) => toMajorUnitsText(amount, currency, locale);
  const stay = offering?.mode === "stay" ? offering.stay : undefined;
  const slot = offering?.mode === "slot" ? offering.slot : undefined;
  return {
    name: offering?.name ?? "",
    mode: offering?.mode ?? "slot",
    price: offering ? money(offering.price.amount) : "",
    resourceIds: offering?.resourceIds ?? [],
    minNights: String(stay?.minNights ?? 1),
    maxNights: String(stay?.maxNights ?? 14),
    checkInTime: stay?.checkInTime ?? "15:00",
    checkOutTime: stay?.checkOutTime ?? "10:00",
    perGuestNightly: money(stay?.perGuestNightly ?? 0),
    durationMinutes: String(slot?.durationMinutes ?? 60),
    bufferBeforeMinutes: String(slot?.bufferBeforeMinutes ?? 0),
    bufferAfterMinutes: String(slot?.bufferAfterMinutes ?? 0),
    stepMinutes: String(slot?.stepMinutes ?? 30),
    questions: (offering?.questions ?? []).map((question) => ({
      key: question.key,
      label: question.label,
      type: question.type,
      required: question.required,
      options: (question.options ?? []).join("\n"),
      min: question.min === undefined ? "" : String(question.min),
      max: question.max === undefined ? "" : String(question.max),
    })),
  };
}

export const emptyQuestion = (): QuestionDraft => ({
  key: undefined,
  label: "",
  type: "text",
  required: false,
  options: "",
  min: "",
  max: "",
});

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * The body for the api, or the problems the form finds itself, by the api's field paths.
 * The rest (a step that does not divide a day, more nights than allowed, …) the api
 * judges, and its refusal lands at the same paths.
 */
export function readOfferingDraft(
  draft: OfferingDraft,
  currency: string,
): { input?: OfferingInput; problems: Problems } {
  const problems: Problems = {};
  const name = draft.name.trim();
  if (name === "") problems.name = { key: "validation.required" };
  const price = readAmount(draft.price, currency, "price.amount", problems);
  if (draft.resourceIds.length === 0) {
    problems.resourceIds = { key: "adminCatalog.problem.noResource" };
  }
  const number = (field: keyof OfferingDraft, path: string, min: number, max: number) => {
    const read = readWholeNumber(String(draft[field]), { min, max });
    if ("problem" in read) problems[path] = read.problem;
    return "value" in read ? read.value : 0;
  };
  const time = (text: string, path: string) => {
    const normal = normalTime(text);
    if (!timePattern.test(normal)) problems[path] = { key: "adminCatalog.problem.time" };
    return normal;
  };

  const settings =
    draft.mode === "stay"
      ? {
          stay: {
            minNights: number("minNights", "stay.minNights", 1, 365),
            maxNights: number("maxNights", "stay.maxNights", 1, 365),
            checkInTime: time(draft.checkInTime, "stay.checkInTime"),
            checkOutTime: time(draft.checkOutTime, "stay.checkOutTime"),
            perGuestNightly: readAmount(
              draft.perGuestNightly,
              currency,
              "stay.perGuestNightly",
              problems,
            ),
          },
        }
      : {
          slot: {
            durationMinutes: number("durationMinutes", "slot.durationMinutes", 5, 24 * 60),
            bufferBeforeMinutes: number("bufferBeforeMinutes", "slot.bufferBeforeMinutes", 0, 240),
            bufferAfterMinutes: number("bufferAfterMinutes", "slot.bufferAfterMinutes", 0, 240),
            stepMinutes: number("stepMinutes", "slot.stepMinutes", 5, 24 * 60),
          },
        };

  const questions = readQuestions(draft.questions, problems);
  if (Object.keys(problems).length > 0) return { problems };
  return {
    problems,
    input: {
      name,
      mode: draft.mode,
      price: { amount: price, currency },
      resourceIds: draft.resourceIds,
      ...settings,
      questions,
    } as OfferingInput,
  };
}

function readAmount(text: string, currency: string, path: string, problems: Problems): number {
  if (text.trim() === "") {
    problems[path] = { key: "validation.required" };
    return 0;
  }
  const amount = toMinorUnits(text, currency);
  if (amount === undefined) problems[path] = { key: "adminCatalog.problem.price" };
  else if (amount < 0) problems[path] = { key: "adminCatalog.problem.negativePrice" };
  return amount ?? 0;
}

function readQuestions(drafts: readonly QuestionDraft[], problems: Problems): Question[] {
  const taken = new Set(drafts.flatMap((question) => (question.key ? [question.key] : [])));
  return drafts.map((draft, index) => {
    const label = draft.label.trim();
    if (label === "") problems[`questions.${index}.label`] = { key: "validation.required" };
    let key = draft.key;
    if (!key) {
      key = questionKey(label, taken);
      taken.add(key);
    }
    const options = draft.options
      .split("\n")
      .map((option) => option.trim())
      .filter(Boolean);
    if (draft.type === "select" && options.length === 0) {
      problems[`questions.${index}.options`] = { key: "adminCatalog.problem.options" };
    }
    const bounds = draft.type === "number" ? readBounds(draft, `questions.${index}`, problems) : {};
    return {
      key,
      label,
      type: draft.type,
      required: draft.required,
      ...(draft.type === "select" ? { options } : {}),
      ...bounds,
    };
  });
}

/** A number question's bounds: each optional, the smallest not above the largest. */
function readBounds(draft: QuestionDraft, path: string, problems: Problems) {
  const read = (text: string, field: "min" | "max") => {
    const trimmed = text.trim().replace(",", ".");
    if (trimmed === "") return undefined;
    const value = Number(trimmed);
    if (!Number.isFinite(value)) {
      problems[`${path}.${field}`] = { key: "adminCatalog.problem.number" };
      return undefined;
    }
    return value;
  };
  const min = read(draft.min, "min");
  const max = read(draft.max, "max");
  if (min !== undefined && max !== undefined && max < min) {
    problems[`${path}.max`] = { key: "adminCatalog.problem.maxBelowMin" };
  }
  return { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
}
