/** Where a command writes; injected so tests can read what a user would see. */
export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** `1d 2h 3m 4s`, leaving out leading zero units. */
export function formatDuration(totalSeconds: number): string {
  const units: [string, number][] = [
    ["d", Math.floor(totalSeconds / 86_400)],
    ["h", Math.floor((totalSeconds % 86_400) / 3_600)],
    ["m", Math.floor((totalSeconds % 3_600) / 60)],
    ["s", Math.floor(totalSeconds % 60)],
  ];
  const first = units.findIndex(([, value]) => value > 0);
  if (first === -1) return "0s";
  return units
    .slice(first)
    .map(([unit, value]) => `${value}${unit}`)
    .join(" ");
}
