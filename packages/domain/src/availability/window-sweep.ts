import { type BlockingReservation, toEpochMs } from "./blocking-reservation.ts";

/**
 * Candidate windows (the nights of a stay range, the buffered periods of slots) in an order
 * where both starts and ends ascend. That order makes the windows a reservation overlaps a
 * contiguous run, found with two binary searches.
 */
export interface SortedWindows {
  starts: Float64Array;
  ends: Float64Array;
}

/** First index whose value is > `value` (or ≥ when `inclusive`); `values` ascending. */
function searchAbove(values: Float64Array, value: number, inclusive: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const candidate = values[middle] as number;
    if (candidate > value || (inclusive && candidate === value)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/**
 * `busy[resource * windowCount + window]` is 1 when a reservation of that resource overlaps
 * that window. Each reservation costs two binary searches and two writes to a difference
 * array whatever its length, so n reservations over m windows and r resources cost
 * O(n log m + m·r) instead of the O(n·m) of checking every pair.
 */
export function markBusyWindows(
  windows: SortedWindows,
  reservations: readonly BlockingReservation[],
  resourceIndex: ReadonlyMap<string, number>,
): Uint8Array {
  const count = windows.starts.length;
  const stride = count + 1;
  const diff = new Int32Array(stride * resourceIndex.size);
  for (const reservation of reservations) {
    const resource = resourceIndex.get(reservation.resourceId);
    if (resource === undefined) continue;
    const start = toEpochMs(reservation.start);
    const end = toEpochMs(reservation.end);
    // Empty or unparsable periods block nothing (and NaN fails this comparison).
    if (!(end > start)) continue;
    const first = searchAbove(windows.ends, start, false);
    const afterLast = searchAbove(windows.starts, end, true);
    if (first >= afterLast) continue;
    const row = resource * stride;
    diff[row + first] = (diff[row + first] as number) + 1;
    diff[row + afterLast] = (diff[row + afterLast] as number) - 1;
  }
  const busy = new Uint8Array(count * resourceIndex.size);
  for (let resource = 0; resource < resourceIndex.size; resource++) {
    let running = 0;
    for (let window = 0; window < count; window++) {
      running += diff[resource * stride + window] as number;
      if (running > 0) busy[resource * count + window] = 1;
    }
  }
  return busy;
}
