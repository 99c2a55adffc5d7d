import type { Check } from "./scenario.ts";

export function check(claim: string, passed: boolean, observed: string): Check {
  return { claim, passed, observed };
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
export const megabytes = (bytes: number) => round(bytes / 1024 / 1024, 1);
