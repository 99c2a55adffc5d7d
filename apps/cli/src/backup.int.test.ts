import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gunzipSync } from "node:zlib";
import { createTestDatabase, type TestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type CliRun, useCliAgainstApi } from "../test/cli-against-api.ts";

const { booking, url: apiUrl, token: ownerToken } = useCliAgainstApi("backup");
const bin = fileURLToPath(new URL("../bin/booking.js", import.meta.url));
// The api of useCliAgainstApi runs with this secret; a restore needs the same.
const secret = "cli-integration-test-secret-0123456789";

/** `booking …` with the server-side environment a restore or an offline backup reads. */
async function bookingOn(database: TestDatabase, args: string[]): Promise<CliRun> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], {
      env: {
        PATH: process.env.PATH ?? "",
        DATABASE_URL: database.url,
        BOOKING_SECRET: secret,
        BOOKING_DATA_DIR: join(directory, "restored-data"),
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as CliRun;
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const headerOf = async (path: string) =>
  JSON.parse((await readFile(path, "utf8")).split("\n")[0] ?? "") as {
    eventLogSha256: string;
    counts: { events: number };
  };

let directory = "";
let fresh: TestDatabase;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "booking-cli-backup-"));
  fresh = await createTestDatabase();
  const response = await fetch(`${apiUrl()}/api/v1/venues`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${ownerToken()}` },
    body: JSON.stringify({
      name: "Haus am See",
      timeZone: "Europe/Berlin",
      currency: "EUR",
      openingHours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      closures: [],
      policies: {
        approvalRequired: true,
        holdTtlMinutes: 10,
        minNoticeMinutes: 0,
        maxAdvanceDays: 730,
        cancellationNoticeHours: 0,
      },
    }),
  });
  expect(response.status).toBe(201);
});
afterAll(async () => {
  await fresh?.drop();
});

describe("booking backup and booking restore", () => {
  test("backup through the api, restore offline, and an offline backup of the result is the same log", async () => {
    const online = join(directory, "online.ndjson");
    const backup = await booking(["backup", online]);
    expect(backup.stderr).toBe("");
    expect(backup.code).toBe(0);
    expect(backup.stdout).toMatch(
      /^Backup written to .*online\.ndjson: \d+ events, \d+ subject keys/,
    );
    const header = await headerOf(online);
    expect(header.counts.events).toBeGreaterThan(0);

    const restore = await bookingOn(fresh, ["restore", online]);
    expect(restore.stderr).toBe("");
    expect(restore.stdout).toMatch(/^Restored .*online\.ndjson: \d+ events/);
    expect(restore.code).toBe(0);
    expect(restore.stdout).toContain(header.eventLogSha256);

    const offline = join(directory, "offline.ndjson.gz");
    const copy = await bookingOn(fresh, ["backup", "--offline", offline]);
    expect(copy.stdout).toMatch(/^Backup written to .*offline\.ndjson\.gz/);
    expect(copy.code).toBe(0);
    const copied = gunzipSync(await readFile(offline)).toString("utf8");
    expect(JSON.parse(copied.split("\n")[0] ?? "").eventLogSha256).toBe(header.eventLogSha256);
  });

  test("wrong use is a usage error; a file that is no backup is refused", async () => {
    expect((await booking(["restore"])).code).toBe(2);
    const notABackup = join(directory, "notes.txt");
    await writeFile(notABackup, "hello\n");
    const refused = await bookingOn(fresh, ["restore", notABackup]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is not a booking backup/);
  });
});
