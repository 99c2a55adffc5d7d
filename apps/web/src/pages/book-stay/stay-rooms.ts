import { addDays, type LocalDate } from "./local-date.ts";

export interface Room {
  id: string;
  name: string;
  capacity: number;
}

/** What the calendar and the room list need to know about the free nights. */
export interface StayAvailability {
  /** Whether the night can start a stay: its free rooms together sleep the guests. */
  nightFree: (night: LocalDate) => boolean;
  /** Valid check-out dates after a check-in: every night until then has enough rooms. */
  checkOuts: (checkIn: LocalDate) => Set<LocalDate>;
  /** The rooms free on every night from check-in to check-out, in the offering's order. */
  roomsFor: (checkIn: LocalDate, checkOut: LocalDate) => Room[];
}

/**
 * Reads availability (free room ids per night, asked without a party size so that stays
 * in several rooms are found) for a number of guests. A night counts as free when its
 * free rooms together sleep everyone; a range when the rooms free on all of its nights do.
 */
export function stayAvailability(
  free: ReadonlyMap<LocalDate, readonly string[]>,
  rooms: readonly Room[],
  guests: number,
  maxNights: number,
): StayAvailability {
  const sleeps = (ids: Iterable<string>) => {
    const set = new Set(ids);
    return rooms.reduce((sum, room) => sum + (set.has(room.id) ? room.capacity : 0), 0);
  };
  const common = (checkIn: LocalDate, checkOut: LocalDate): Set<string> | undefined => {
    let shared: Set<string> | undefined;
    for (let night = checkIn; night < checkOut; night = addDays(night, 1)) {
      const ids = free.get(night);
      if (!ids) return new Set();
      shared = shared ? new Set(ids.filter((id) => shared?.has(id))) : new Set(ids);
    }
    return shared;
  };
  return {
    nightFree: (night) => sleeps(free.get(night) ?? []) >= guests,
    checkOuts: (checkIn) => {
      const result = new Set<LocalDate>();
      let shared: Set<string> | undefined;
      let night = checkIn;
      for (let nights = 1; nights <= maxNights; nights++) {
        const ids = free.get(night);
        if (!ids) break;
        shared = shared ? new Set(ids.filter((id) => shared?.has(id))) : new Set(ids);
        if (sleeps(shared) < guests) break;
        night = addDays(night, 1);
        result.add(night);
      }
      return result;
    },
    roomsFor: (checkIn, checkOut) => {
      const shared = common(checkIn, checkOut) ?? new Set();
      return rooms.filter((room) => shared.has(room.id));
    },
  };
}
