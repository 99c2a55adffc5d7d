import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type User, userSchema } from "@booking/contracts";
import { type ApiProcess, spawnApi } from "@booking/vitest-config/api-process";
import { useTestDatabase } from "@booking/vitest-config/test-database";
import { afterAll, beforeAll, describe, expect, test } from "vitest";

const bin = fileURLToPath(new URL("../bin/booking.js", import.meta.url));
const owner = { email: "owner@example.com", password: "owner-password-1" };
const database = useTestDatabase();
let api: ApiProcess;
let configHome: string;
let credentialsPath: string;

beforeAll(async () => {
  configHome = await mkdtemp(join(tmpdir(), "booking-cli-config-"));
  credentialsPath = join(configHome, "booking", "credentials.json");
  api = await spawnApi({
    DATABASE_URL: database().url,
    LOG_LEVEL: "info",
    BOOKING_DATA_DIR: join(configHome, "api-data"),
    BOOKING_SECRET: "cli-integration-test-secret-0123456789",
    BOOKING_OWNER_EMAIL: owner.email,
    BOOKING_OWNER_PASSWORD: owner.password,
  });
});
afterAll(async () => {
  await api?.stop();
  if (configHome) await rm(configHome, { recursive: true, force: true });
});

/** Runs `node bin/booking.js …` against the api with its own config directory. */
async function booking(
  args: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
) {
  const running = promisify(execFile)(process.execPath, [bin, ...args], {
    env: {
      PATH: process.env.PATH ?? "",
      BOOKING_URL: api.url,
      XDG_CONFIG_HOME: configHome,
      ...options.env,
    },
  });
  running.child.stdin?.end(options.stdin ?? "");
  try {
    const { stdout, stderr } = await running;
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

async function register(name: string, email: string): Promise<User> {
  const response = await fetch(`${api.url}/api/v1/auth/register`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, password: "member-password-1", name }),
  });
  expect(response.status).toBe(201);
  return userSchema.parse(((await response.json()) as { user: unknown }).user);
}

const loginAsOwner = () =>
  booking(["login", "--email", owner.email, "--password-stdin"], { stdin: `${owner.password}\n` });

async function storedServers(): Promise<Record<string, { token: string; email: string }>> {
  return JSON.parse(await readFile(credentialsPath, "utf8")).servers;
}

const rowOf = (stdout: string, id: string) =>
  stdout.split("\n").find((line) => line.startsWith(id));

describe("booking login, users, whoami, logout", () => {
  let ada: User;
  let bob: User;

  beforeAll(async () => {
    ada = await register("Ada Lovelace", "ada@example.com");
    bob = await register("Bob Builder", "bob@example.com");
  });

  test("a wrong password is exit 1 with UNAUTHENTICATED and stores nothing", async () => {
    const result = await booking(["login", "--email", owner.email, "--password-stdin"], {
      stdin: "not-the-password\n",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error UNAUTHENTICATED: /);
    await expect(stat(credentialsPath)).rejects.toThrow(/ENOENT/);
  });

  test("a pending account cannot log in", async () => {
    const result = await booking(["login", "--email", ada.email, "--password-stdin"], {
      stdin: "member-password-1",
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^Error ACCOUNT_PENDING: /);
  });

  test("commands that need a user say how to log in", async () => {
    const result = await booking(["users", "list"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Not logged in to ${api.url}. Run \`booking login\` first.`);
  });

  test("login stores the token for the server, 0600 in a 0700 directory", async () => {
    const result = await loginAsOwner();
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Logged in to ${api.url} as ${owner.email} (owner).`);
    expect((await stat(credentialsPath)).mode & 0o777).toBe(0o600);
    expect((await stat(join(configHome, "booking"))).mode & 0o777).toBe(0o700);
    expect(await storedServers()).toEqual({
      [new URL(api.url).origin]: expect.objectContaining({ url: api.url, email: owner.email }),
    });
  });

  test("whoami shows the logged-in user", async () => {
    const result = await booking(["whoami"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`<${owner.email}>, owner (active) at ${api.url}`);
  });

  test("users list --status pending shows the registrations as a table", async () => {
    const result = await booking(["users", "list", "--status", "pending"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID +STATUS +ROLE +NAME +E-MAIL +CREATED \(UTC\)$/);
    expect(lines).toHaveLength(3);
    expect(rowOf(result.stdout, ada.id)).toMatch(
      /^\S+ {2}pending +member +Ada Lovelace +ada@example\.com +\d{4}-\d\d-\d\d \d\d:\d\d$/,
    );
    expect(rowOf(result.stdout, bob.id)).toContain("Bob Builder");
    expect(result.stdout).not.toContain(owner.email);
  });

  test("users approve makes the user active", async () => {
    const approved = await booking(["users", "approve", ada.id]);
    expect(approved.code).toBe(0);
    expect(approved.stdout).toBe(`Approved Ada Lovelace <ada@example.com> (${ada.id}).\n`);
    const list = await booking(["users", "list"]);
    expect(list.code).toBe(0);
    expect(rowOf(list.stdout, ada.id)).toMatch(/^\S+ {2}active +member +Ada Lovelace/);
    const again = await booking(["users", "approve", ada.id]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^Error [A-Z_]+: /);
  });

  test("users reject needs --reason (exit 2) and then rejects", async () => {
    const withoutReason = await booking(["users", "reject", bob.id]);
    expect(withoutReason.code).toBe(2);
    expect(withoutReason.stderr).toContain("--reason is required");
    expect(withoutReason.stderr).toContain('Usage: booking users reject <id> --reason "<text>"');
    const rejected = await booking(["users", "reject", bob.id, "--reason", "We do not know you."]);
    expect(rejected.code).toBe(0);
    expect(rejected.stdout).toContain(`Rejected Bob Builder <bob@example.com> (${bob.id}).`);
    const list = await booking(["users", "list", "--status", "rejected", "--json"]);
    const page = JSON.parse(list.stdout) as { items: User[]; nextCursor: string | null };
    expect(page.items.map((user) => [user.id, user.status])).toEqual([[bob.id, "rejected"]]);
  });

  test("an unknown user is exit 1 with the contract's code; a malformed id is exit 2", async () => {
    const unknown = await booking(["users", "approve", "00000000-0000-4000-8000-000000000000"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^Error NOT_FOUND: /);
    expect((await booking(["users", "approve", "42"])).code).toBe(2);
    expect((await booking(["users", "list", "--status", "sleeping"])).code).toBe(2);
  });

  test("--limit pages; --all follows every page", async () => {
    const first = await booking(["users", "list", "--limit", "1", "--json"]);
    const page = JSON.parse(first.stdout) as { items: User[]; nextCursor: string | null };
    expect(page.items).toHaveLength(1);
    expect(page.nextCursor).not.toBeNull();
    const all = await booking(["users", "list", "--limit", "1", "--all"]);
    expect(all.code).toBe(0);
    expect(all.stdout.trimEnd().split("\n")).toHaveLength(4); // header, owner, Ada, Bob
  });

  test("logout revokes the session and forgets the token", async () => {
    const { token } = Object.values(await storedServers())[0] ?? { token: "" };
    const result = await booking(["logout"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`Logged out of ${api.url}.\n`);
    expect(await storedServers()).toEqual({});

    const list = await booking(["users", "list"]);
    expect(list.code).toBe(1);
    expect(list.stderr).toContain("Run `booking login` first.");
    const revoked = await booking(["whoami", "--token", token]);
    expect(revoked.code).toBe(1);
    expect(revoked.stderr).toMatch(/^Error UNAUTHENTICATED: .*The token from --token was not/);
    expect((await booking(["logout"])).stdout).toContain("nothing to do");

    // A stored login the server no longer accepts points to `booking login` as well.
    await writeFile(
      credentialsPath,
      JSON.stringify({
        servers: {
          [api.url]: { url: api.url, token, expiresAt: "2100-01-01T00:00:00Z", email: owner.email },
        },
      }),
    );
    const stale = await booking(["whoami"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toMatch(
      /^Error UNAUTHENTICATED: .*The stored login is no longer valid; run `booking login`\.$/m,
    );
    const logout = await booking(["logout"]);
    expect(logout.code).toBe(0);
    expect(logout.stdout).toContain("the session had already ended");
  });

  test("logout from an unreachable server removes the token and says so", async () => {
    const unreachable = "http://127.0.0.1:1";
    expect((await loginAsOwner()).code).toBe(0);
    const servers = await storedServers();
    const entry = {
      url: unreachable,
      token: "t",
      expiresAt: "2100-01-01T00:00:00.000Z",
      email: "x@example.com",
    };
    await writeFile(
      credentialsPath,
      JSON.stringify({ servers: { ...servers, [unreachable]: entry } }),
    );
    const result = await booking(["logout", "--url", unreachable]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Cannot reach the booking server at ${unreachable}`);
    expect(result.stderr).toContain("Removed the stored token anyway");
    expect(Object.keys(await storedServers())).toEqual([new URL(api.url).origin]);
    expect((await booking(["whoami"])).code).toBe(0); // the other server's login is untouched
  });
});
