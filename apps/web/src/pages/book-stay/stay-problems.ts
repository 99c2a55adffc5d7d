import type { BookingClientErrorInfo } from "@booking/client";
import type { MessageKey } from "../../i18n/en.ts";

/** The part of the form a refusal concerns; its sentence is shown there. */
export type StayField = "dates" | "guests" | "rooms" | "notes" | "form";

export interface StayProblem {
  field: StayField;
  key: MessageKey;
  values?: Record<string, string | number>;
}

export interface StayFacts {
  minNights: number;
  maxNights: number;
  guests: number;
  /** The chosen rooms' names and capacities, by id. */
  rooms: ReadonlyMap<string, { name: string; capacity: number }>;
  chosen: readonly string[];
}

const ruleField: Record<string, { field: StayField; key: MessageKey }> = {
  IN_PAST: { field: "dates", key: "bookStay.rule.IN_PAST" },
  MIN_NOTICE: { field: "dates", key: "bookStay.rule.MIN_NOTICE" },
  MAX_ADVANCE: { field: "dates", key: "bookStay.rule.MAX_ADVANCE" },
  MIN_NIGHTS: { field: "dates", key: "bookStay.rule.MIN_NIGHTS" },
  MAX_NIGHTS: { field: "dates", key: "bookStay.rule.MAX_NIGHTS" },
  CLOSED: { field: "dates", key: "bookStay.rule.CLOSED" },
  GUESTS: { field: "guests", key: "bookStay.rule.GUESTS" },
  CAPACITY: { field: "rooms", key: "bookStay.rule.CAPACITY" },
};

const validationField: Record<string, StayField> = {
  checkIn: "dates",
  checkOut: "dates",
  guests: "guests",
  resourceIds: "rooms",
  notes: "notes",
};

/**
 * Which field a refusal of a quote or a booking concerns, and the sentence that explains
 * it in the reader's language. `undefined`: not a refusal of the stay itself (the general
 * error text applies).
 */
export function stayProblem(
  info: Pick<BookingClientErrorInfo, "code" | "details"> | undefined,
  facts: StayFacts,
): StayProblem | undefined {
  if (!info) return undefined;
  if (info.code === "RULE_VIOLATION") {
    const rule = typeof info.details?.rule === "string" ? info.details.rule : "";
    const known = ruleField[rule];
    if (!known) return undefined;
    const capacity = facts.chosen.reduce(
      (sum, id) => sum + (facts.rooms.get(id)?.capacity ?? 0),
      0,
    );
    return {
      ...known,
      values: {
        min: facts.minNights,
        max: facts.maxNights,
        guests: facts.guests,
        capacity,
      },
    };
  }
  if (info.code === "SLOT_UNAVAILABLE") {
    const taken = Array.isArray(info.details?.resourceIds) ? info.details.resourceIds : [];
    const names = taken
      .map((id) => (typeof id === "string" ? facts.rooms.get(id)?.name : undefined))
      .filter((name): name is string => Boolean(name));
    return names.length > 0
      ? { field: "rooms", key: "bookStay.taken", values: { rooms: names.join(", ") } }
      : { field: "rooms", key: "bookStay.takenSome" };
  }
  if (info.code === "VALIDATION_FAILED") {
    const fields = Object.keys(info.details ?? {});
    const field =
      fields.map((name) => validationField[name.split(".")[0] ?? ""]).find(Boolean) ?? "form";
    return { field, key: `bookStay.invalid.${field}` };
  }
  return undefined;
}
