import type { Problems } from "./problems.ts";
import { readWholeNumber } from "./whole-number.ts";

export interface ResourceDraft {
  name: string;
  kind: string;
  capacity: string;
}

/** A resource's fields for the api, or the problems the form finds itself. */
export function readResourceDraft(draft: ResourceDraft): {
  input?: { name: string; kind: string; capacity: number };
  problems: Problems;
} {
  const problems: Problems = {};
  const name = draft.name.trim();
  const kind = draft.kind.trim();
  if (name === "") problems.name = { key: "validation.required" };
  if (kind === "") problems.kind = { key: "validation.required" };
  const capacity = readWholeNumber(draft.capacity, { min: 1, max: 20 });
  if ("problem" in capacity) problems.capacity = capacity.problem;
  if (Object.keys(problems).length > 0 || !("value" in capacity)) return { problems };
  return { problems, input: { name, kind, capacity: capacity.value } };
}
