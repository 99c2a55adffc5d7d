import type { ProblemText } from "./problems.ts";

/**
 * A whole number typed into a field, within the contract's bounds; or the problem to show
 * beside the field.
 */
export function readWholeNumber(
  text: string,
  bounds: { min: number; max: number },
): { value: number } | { problem: ProblemText } {
  const trimmed = text.trim();
  if (trimmed === "") return { problem: { key: "validation.required" } };
  if (!/^-?\d+$/.test(trimmed)) return { problem: { key: "adminCatalog.problem.wholeNumber" } };
  const value = Number(trimmed);
  if (value < bounds.min) {
    return { problem: { key: "adminCatalog.problem.atLeast", values: { min: bounds.min } } };
  }
  if (value > bounds.max) {
    return { problem: { key: "adminCatalog.problem.atMost", values: { max: bounds.max } } };
  }
  return { value };
}
