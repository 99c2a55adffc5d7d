import { useSyncExternalStore } from "react";
import { currentLocation, subscribeToLocation } from "./history.ts";

/** The current path with its query string, e.g. `/login?next=%2Fadmin`. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const location = useSyncExternalStore(subscribeToLocation, currentLocation);
  const url = new URL(location, "http://app.invalid");
  return { pathname: url.pathname, search: url.searchParams };
}
