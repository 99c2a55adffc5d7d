import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { createLogger } from "../../observability/logger.ts";
import type { ComposedMessage } from "./composed-message.ts";
import { createFileTransport, outboxFileName } from "./file-transport.ts";
import { createMailTransport } from "./mail-transport.ts";

const logger = createLogger("silent");
let dataDir: string;
let outbox: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "booking-outbox-"));
  outbox = join(dataDir, "outbox");
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

function message(messageId: string, body = "Hello"): ComposedMessage {
  return {
    messageId,
    envelope: { from: "booking@localhost", to: "guest@example.com" },
    raw: `From: booking@localhost\r\nTo: guest@example.com\r\nMessage-ID: ${messageId}\r\nSubject: Hi\r\n\r\n${body}\r\n`,
  };
}

test("without SMTP_URL, each message is one .eml file in <data dir>/outbox, readable only by us", async () => {
  const transport = createMailTransport({ smtpUrl: undefined, dataDir }, logger);
  expect(transport.name).toBe("file");
  const sent = message("<booking-confirmed.1.guest@localhost>");
  await transport.send(sent);
  expect(await readdir(outbox)).toEqual(["booking-confirmed.1.guest@localhost.eml"]);
  expect(await readFile(join(outbox, "booking-confirmed.1.guest@localhost.eml"), "utf8")).toBe(
    sent.raw,
  );
  expect((await stat(join(outbox, "booking-confirmed.1.guest@localhost.eml"))).mode & 0o777).toBe(
    0o600,
  );
  await transport.close();
});

test("a reader never sees a partial file, and no temporary file is left", async () => {
  const transport = createFileTransport(outbox, logger);
  await transport.ready();
  const big = message("<big@localhost>", "x".repeat(30 * 1024 * 1024));
  const name = outboxFileName(big.messageId);
  let sawTemporary = false;
  const partial: number[] = [];
  let writing = true;
  // Watches the directory as another program would while the file is written.
  const watcher = (async () => {
    while (writing) {
      for (const entry of await readdir(outbox)) {
        if (entry.startsWith(".")) sawTemporary = true;
        if (entry === name) {
          const length = (await readFile(join(outbox, entry))).length;
          if (length !== Buffer.byteLength(big.raw)) partial.push(length);
        }
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  })();
  await transport.send(big);
  writing = false;
  await watcher;
  expect(partial).toEqual([]);
  expect(sawTemporary).toBe(true);
  expect(await readdir(outbox)).toEqual([name]);
  expect((await readFile(join(outbox, name), "utf8")) === big.raw).toBe(true);
});

test("the same Message-ID twice replaces the one file", async () => {
  const transport = createFileTransport(outbox, logger);
  await transport.send(message("<same@localhost>", "first"));
  await transport.send(message("<same@localhost>", "second"));
  await Promise.all([
    transport.send(message("<same@localhost>", "third")),
    transport.send(message("<same@localhost>", "third")),
  ]);
  expect(await readdir(outbox)).toEqual(["same@localhost.eml"]);
  expect(await readFile(join(outbox, "same@localhost.eml"), "utf8")).toContain("third");
});

test("a crash's temporary files are removed at start; finished mails stay", async () => {
  await mkdir(outbox, { recursive: true });
  await writeFile(join(outbox, ".a@localhost.eml.0123456789ab.tmp"), "From: half");
  await writeFile(join(outbox, ".b@localhost.eml.ba9876543210.tmp"), "");
  await writeFile(join(outbox, "done@localhost.eml"), message("<done@localhost>").raw);
  const transport = createFileTransport(outbox, logger);
  await transport.ready();
  expect(await readdir(outbox)).toEqual(["done@localhost.eml"]);
});

test("a Message-ID with unsafe characters gets a safe name of its own", async () => {
  const transport = createFileTransport(outbox, logger);
  await transport.send(message("<../../etc/passwd@localhost>"));
  await transport.send(message("<.._.._etc_passwd@localhost>"));
  await transport.send(message("<a b@localhost>"));
  const names = await readdir(outbox);
  expect(names).toHaveLength(3);
  for (const name of names) {
    expect(name).toMatch(/^[A-Za-z0-9@_+-][A-Za-z0-9@._+-]*\.eml$/);
  }
  expect(outboxFileName("<a b@localhost>")).toBe(outboxFileName("<a b@localhost>"));
  expect(outboxFileName("<a b@localhost>")).not.toBe(outboxFileName("<a_b@localhost>"));
});
