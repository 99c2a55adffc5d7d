import { createBookingClient } from "@booking/client";

/**
 * A client that also sends a guest's manage token (`X-Booking-Token`), for the calls that
 * act on the guest's own hold: submitting it, releasing it. The shared client sends only
 * the session cookie; a guest has none.
 */
export function clientWithToken(token: string) {
  return createBookingClient({
    url: window.location.origin,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      headers.set("X-Booking-Token", token);
      return globalThis.fetch(input, { ...init, headers });
    },
  });
}

/** Downloads the booking's `.ics` file; a guest's download needs the manage token. */
export async function downloadCalendarFile(bookingId: string, token: string | undefined) {
  const response = await fetch(`/api/v1/bookings/${bookingId}/ics`, {
    credentials: "same-origin",
    headers: token ? { "X-Booking-Token": token } : {},
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = `booking-${bookingId}.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** An `Idempotency-Key`; `crypto.randomUUID` exists only in secure contexts (HTTPS). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}
