import { createServer, type Server } from "node:net";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { seriousViolations } from "./axe.ts";
import { useDemoSite } from "./harness/demo-site.ts";
import { ownerPage } from "./harness/owner-page.ts";
import type { CallOptions } from "./harness/rest-call.ts";

interface Notification {
  id: string;
  kind: string;
  to: string;
  status: string;
  attempts: number;
  lastError?: string;
}

/**
 * A mail server on 127.0.0.1 that speaks just enough SMTP for the api's sender. While
 * `refusing`, it answers every recipient with a permanent 550, so the mail fails at once
 * instead of after the sender's back-off; then it takes mail.
 */
function startMailServer() {
  const state = { refusing: true, received: [] as string[] };
  const server: Server = createServer((socket) => {
    let buffer = "";
    let inData = false;
    let recipient = "";
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 mail.test ESMTP");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (let end = buffer.indexOf("\r\n"); end !== -1; end = buffer.indexOf("\r\n")) {
        const line = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (inData) {
          if (line === ".") {
            inData = false;
            state.received.push(recipient);
            reply("250 2.0.0 queued");
          }
          continue;
        }
        const command = line.slice(0, 4).toUpperCase();
        if (command === "EHLO") reply("250-mail.test\r\n250 8BITMIME");
        else if (command === "HELO" || command === "RSET" || command === "NOOP") reply("250 OK");
        else if (command === "MAIL") reply("250 OK");
        else if (command === "RCPT") {
          recipient = line.replace(/^RCPT TO:\s*<?([^>]*)>?.*$/i, "$1");
          reply(state.refusing ? "550 5.1.1 No mailbox here by that name" : "250 OK");
        } else if (command === "DATA") {
          inData = true;
          reply("354 End data with <CR><LF>.<CR><LF>");
        } else if (command === "QUIT") {
          reply("221 Bye");
          socket.end();
        } else reply("502 Command not implemented");
      }
    });
    socket.on("error", () => socket.destroy());
  });
  return { server, state };
}

const mail = startMailServer();
let mailPort: number;

// The mail server listens before the api starts and closes after it stopped (after-hooks
// run in reverse).
beforeAll(async () => {
  await new Promise<void>((resolve) => mail.server.listen(0, "127.0.0.1", resolve));
  const address = mail.server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  mailPort = address.port;
});
afterAll(async () => {
  await new Promise((resolve) => mail.server.close(resolve));
});

const site = useDemoSite({
  env: () => ({
    SMTP_URL: `smtp://127.0.0.1:${mailPort}`,
    RATE_LIMIT_PER_MINUTE: "0",
    TRUST_PROXY: "1",
  }),
});
const screenshots = site.screenshots;

beforeAll(async () => {
  await failedFillers();
});

/** A REST call, perhaps from another address (`from`). */
function call<T>(method: string, path: string, options: CallOptions & { from?: string } = {}) {
  const { from, ...rest } = options;
  // Registrations from many addresses: one address may only register a few times.
  return site.call<T>(method, path, {
    ...rest,
    ...(from ? { headers: { "X-Forwarded-For": from } } : {}),
  });
}

/** The outbox's entry of the mail that tells `email` their account was approved. */
async function approvalMailTo(email: string): Promise<Notification | undefined> {
  const { items } = await call<{ items: Notification[] }>("GET", "/notifications?limit=200", {
    token: site.ownerToken,
  });
  return items.find((item) => item.kind === "account_approved" && item.to === email);
}

/**
 * More than a page of failed mails (the list shows 20 at a time): approval mails to twenty
 * members, which the mail server refuses.
 */
async function failedFillers() {
  await Promise.all(
    Array.from({ length: 20 }, async (_, index) => {
      const { user } = await call<{ user: { id: string } }>("POST", "/auth/register", {
        body: {
          email: `filler-${index}@family.example`,
          password: "members-password-42",
          name: `Filler ${index}`,
        },
        from: `192.0.2.${index + 1}`,
      });
      await call("POST", `/users/${user.id}/approve`, { token: site.ownerToken });
    }),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    const { items } = await call<{ items: Notification[] }>(
      "GET",
      "/notifications?status=failed&limit=200",
      { token: site.ownerToken },
    );
    if (items.filter((item) => item.to.startsWith("filler-")).length === 20) return;
    if (Date.now() > deadline) throw new Error("the approval mails did not fail");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.each([
  ["phone", { width: 390, height: 844 }],
  ["desktop", { width: 1280, height: 800 }],
] as const)("on a %s", (device, viewport) => {
  test("the owner finds a mail the server refused, reads why, and sends it again", async () => {
    // An approval mail to a new member, which the mail server refuses for good.
    mail.state.refusing = true;
    const email = `nina-${device}@family.example`;
    const { user } = await call<{ user: { id: string } }>("POST", "/auth/register", {
      body: { email, password: "members-password-42", name: `Nina ${device}` },
      from: device === "phone" ? "198.51.100.1" : "198.51.100.2",
    });
    await call("POST", `/users/${user.id}/approve`, { token: site.ownerToken });
    await expect.poll(async () => (await approvalMailTo(email))?.status).toBe("failed");

    const page = await ownerPage(site, { viewport });
    await page.goto(`${site.url}/admin/notifications`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("E-mails");
    await page.getByLabel("Show").selectOption({ label: "Failed" });
    await expect.poll(() => new URL(page.url()).searchParams.get("status")).toBe("failed");
    const item = page.getByTestId("notification").filter({ hasText: email });
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.getByTestId("notification-status").textContent()).toBe("Failed");
    expect(await item.textContent()).toContain("Account approved");
    expect(await item.getByTestId("notification-attempts").textContent()).toBe("1");
    expect(await item.getByTestId("notification-error").textContent()).toMatch(
      /^SMTP server rejected the message.*550/,
    );
    // Only failed mails are listed, a page at a time.
    const items = page.getByTestId("notification");
    await expect.poll(() => items.count()).toBe(20);
    await page.getByRole("button", { name: "Show more" }).click();
    await expect.poll(() => items.count()).toBeGreaterThan(20);
    const statuses = await page.getByTestId("notification-status").allTextContents();
    expect(new Set(statuses)).toEqual(new Set(["Failed"]));
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-notifications-${device}.png`,
      fullPage: true,
    });

    // The server takes mail again: sent on the second attempt.
    mail.state.refusing = false;
    await item.getByRole("button", { name: /^Send again/ }).click();
    await expect
      .poll(() => page.getByRole("status").textContent())
      .toBe(`The e-mail to ${email} is queued to be sent again.`);
    // It has left the failed ones; among all, it ends up sent.
    await expect.poll(() => item.count()).toBe(0);
    await page.getByLabel("Show").selectOption({ label: "All" });
    await expect.poll(() => item.getByTestId("notification-status").textContent()).toBe("Sent");
    expect(await item.getByTestId("notification-attempts").textContent()).toBe("2");
    expect(mail.state.received).toContain(email);
    expect(await approvalMailTo(email)).toMatchObject({ status: "sent", attempts: 2 });
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({
      path: `${screenshots}admin-notifications-retried-${device}.png`,
      fullPage: true,
    });
    await page.context().close();
  });
});
