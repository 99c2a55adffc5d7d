import { useState } from "react";
import type { LatLng } from "./distance-km.ts";

export type PositionState =
  | { status: "idle" }
  | { status: "locating" }
  | { status: "failed"; reason: "denied" | "unavailable" };

/**
 * Asks the browser for the device's position, once per click. A refusal and a missing
 * or failing sensor are told apart: the first is the person's choice, the second is not.
 */
export function useCurrentPosition(onFound: (position: LatLng) => void) {
  const [state, setState] = useState<PositionState>({ status: "idle" });

  const locate = () => {
    if (!("geolocation" in navigator)) {
      setState({ status: "failed", reason: "unavailable" });
      return;
    }
    setState({ status: "locating" });
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setState({ status: "idle" });
        onFound({ lat: position.coords.latitude, lng: position.coords.longitude });
      },
      (error) => {
        const reason = error.code === error.PERMISSION_DENIED ? "denied" : "unavailable";
        setState({ status: "failed", reason });
      },
      // A city-level fix is enough to sort places, and it comes faster than GPS.
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 600_000 },
    );
  };

  return { state, locate };
}
