import type { BookingDto } from "@booking/contracts";

/**
 * The booking as an iCalendar object (RFC 5545) with one VEVENT whose UID is the booking
 * id, so a calendar that imports it twice (confirmation, then reschedule) updates one entry.
 */
export function bookingIcs(
  booking: BookingDto,
  details: { title: string; location?: string | undefined },
): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Booking//Booking//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${booking.id}`,
    `DTSTAMP:${icsInstant(booking.updatedAt)}`,
    `DTSTART:${icsInstant(booking.start)}`,
    `DTEND:${icsInstant(booking.end)}`,
    `SUMMARY:${escapeText(details.title)}`,
    ...(details.location ? [`LOCATION:${escapeText(details.location)}`] : []),
    `STATUS:${icsStatus(booking.status)}`,
    `SEQUENCE:${booking.version}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(fold).join("\r\n")}\r\n`;
}

function icsInstant(iso: string): string {
  return `${new Date(iso)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "")}`;
}

function icsStatus(status: BookingDto["status"]): string {
  if (status === "confirmed" || status === "completed") return "CONFIRMED";
  if (status === "held" || status === "pending") return "TENTATIVE";
  return "CANCELLED";
}

function escapeText(text: string): string {
  return text
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r?\n/g, "\\n");
}

/** Lines longer than 75 octets continue on the next line after a space (RFC 5545 §3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, "utf8");
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char, "utf8") > limit) {
      parts.push(current);
      current = char;
    } else {
      current += char;
    }
  }
  parts.push(current);
  return parts.join("\r\n ");
}
