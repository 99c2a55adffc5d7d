import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import pg from "pg";
import { expect, test } from "vitest";
import { activeUser, ownerToken } from "../../test/accounts.ts";
import { useApiProcesses } from "../../test/api-processes.ts";
import { weekdayAt10 } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { mailIn, readOutbox, recipientsOf } from "../../test/outbox.ts";

const database = useTestDatabase();
const startApi = useApiProcesses(database);

interface ReminderRow {
  status: string;
  message_id: string;
}

test("a reminder due in a few seconds when the api is killed (kill -9) goes out after the restart, once", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "booking-reminder-restart-"));
  const first = await startApi(dataDir);
  let api = first;
  const call = restClient(() => api.url);
  const owner = await ownerToken(call);
  const member = await activeUser(call);
  const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
  const created = await call<{ booking: { id: string; status: string } }>("POST", "/bookings", {
    token: member.token,
    body: { offeringId, start: weekdayAt10(8), guests: 1 },
  });
  expect(created.body.booking.status).toBe("confirmed");
  const bookingId = created.body.booking.id;

  const pool = new pg.Pool({ connectionString: database().url, max: 2 });
  try {
    const reminders = async () =>
      (
        await pool.query<ReminderRow>(
          `SELECT status, message_id FROM notifications
           WHERE booking_id = $1 AND kind = 'booking_reminder'`,
          [bookingId],
        )
      ).rows;
    // The reactor owes the reminder a day before the start…
    await expect
      .poll(reminders, { timeout: 15_000 })
      .toEqual([{ status: "pending", message_id: expect.any(String) }]);
    // …which is now only seconds away, as it would be on the eve of the booking.
    await pool.query(
      `UPDATE notifications SET due_at = now() + interval '4 seconds',
         next_attempt_at = now() + interval '4 seconds'
       WHERE booking_id = $1 AND kind = 'booking_reminder'`,
      [bookingId],
    );
    await first.stop("SIGKILL");
    const [pending] = await reminders();
    expect(pending?.status).toBe("pending");
    const isReminder = (mail: Awaited<ReturnType<typeof mailIn>>) =>
      recipientsOf(mail).includes(member.person.email) && mail.messageId === pending?.message_id;
    expect((await readOutbox(dataDir)).filter(({ mail }) => isReminder(mail))).toEqual([]);

    api = await startApi(dataDir);
    const reminder = await mailIn(dataDir, isReminder, 20_000);
    const invitation = reminder.attachments.find((part) =>
      part.contentType.startsWith("text/calendar"),
    );
    expect(invitation?.content.toString("utf8")).toContain(`UID:${bookingId}`);
    // Recorded as sent, and one file: the restart did not send it twice.
    await expect
      .poll(reminders, { timeout: 5_000 })
      .toEqual([{ status: "sent", message_id: pending?.message_id }]);
    const files = (await readOutbox(dataDir)).filter(
      ({ mail }) =>
        recipientsOf(mail).includes(member.person.email) &&
        (mail.messageId ?? "").startsWith("<booking-reminder."),
    );
    expect(files).toHaveLength(1);
  } finally {
    await pool.end();
  }
}, 90_000);
