import { readdir } from "node:fs/promises";
import { simpleParser } from "mailparser";
import { afterAll, expect, test } from "vitest";
import { ownerToken } from "../../test/accounts.ts";
import { weekdayAt10 } from "../../test/booking-dates.ts";
import { venueWithOffering } from "../../test/catalog-fixtures.ts";
import { restClient } from "../../test/http-client.ts";
import { outboxDirectory } from "../../test/outbox.ts";
import { useTestServer } from "../../test/test-server.ts";
import { startTestSmtpServer } from "./delivery/delivery-test-support.ts";

// A real SMTP server (with AUTH) that the api is configured to send to.
const smtp = await startTestSmtpServer();
afterAll(() => smtp.close());
const server = useTestServer({
  env: { SMTP_URL: smtp.url(), MAIL_FROM: "booking@werkstatt.example" },
});
const call = restClient(() => server().url);

test("with SMTP_URL set, a guest's confirmation goes to the mail server, with its invitation, and no file is written", async () => {
  const owner = await ownerToken(call);
  const { offeringId } = await venueWithOffering(call, owner, "slot", 1);
  const guest = { name: "Sam Guest", email: "sam.guest@example.org", phone: "+49 30 2" };
  const created = await call<{ booking: { id: string } }>("POST", "/bookings", {
    body: { offeringId, start: weekdayAt10(9), guests: 1, guest },
  });
  expect(created.status).toBe(201);
  const deadline = Date.now() + 10_000;
  while (!smtp.received.some((mail) => mail.to.includes(guest.email))) {
    if (Date.now() > deadline) throw new Error("the mail server received nothing");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const received = smtp.received.filter((mail) => mail.to.includes(guest.email));
  expect(received).toHaveLength(1);
  expect(received[0]?.from).toBe("booking@werkstatt.example");
  const mail = await simpleParser(received[0]?.raw ?? "");
  expect(mail.messageId).toMatch(/^<booking-confirmed\.[0-9a-f-]+\.guest@werkstatt\.example>$/);
  const calendar = mail.attachments.find((part) => part.contentType.startsWith("text/calendar"));
  expect(calendar?.content.toString("utf8")).toContain(`UID:${created.body.booking.id}`);

  // The sender records the delivery right after the server accepted it: the list may lag a
  // moment behind the mail.
  const sentOfThisBooking = async () => {
    const listed = await call<{
      items: { bookingId?: string; status: string; attempts: number }[];
    }>("GET", "/notifications?status=sent", { token: owner });
    return listed.body.items.filter((item) => item.bookingId === created.body.booking.id);
  };
  await expect
    .poll(sentOfThisBooking, { timeout: 5_000 })
    .toEqual([expect.objectContaining({ status: "sent", attempts: 1 })]);
  const files = await readdir(outboxDirectory(server().deps.config.dataDir)).catch(() => []);
  expect(files).toEqual([]);
});
