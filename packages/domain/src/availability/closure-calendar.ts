import type { Closure, LocalDate } from "../catalog/catalog.types.ts";
import { dayNumber } from "./local-date.ts";

/** Closures as day-number ranges, both ends inclusive like the contract's `to`. */
export type ClosedDays = readonly (readonly [number, number])[];

export function closedDays(closures: readonly Closure[]): ClosedDays {
  return closures.map((closure) => [dayNumber(closure.from), dayNumber(closure.to)] as const);
}

export function isClosedDay(closed: ClosedDays, day: number): boolean {
  for (const [from, to] of closed) if (day >= from && day <= to) return true;
  return false;
}

export function isClosedOn(closures: readonly Closure[], date: LocalDate): boolean {
  return isClosedDay(closedDays(closures), dayNumber(date));
}
