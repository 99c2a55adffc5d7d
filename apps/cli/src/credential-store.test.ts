import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { readCliEnvironment } from "./cli-config.ts";
import {
  type CredentialStore,
  CredentialStoreError,
  createCredentialStore,
  type StoredCredentials,
} from "./credential-store.ts";

let configHome: string;
let configDir: string;
let store: CredentialStore;

beforeEach(async () => {
  configHome = await mkdtemp(join(tmpdir(), "booking-cli-"));
  configDir = readCliEnvironment({ XDG_CONFIG_HOME: configHome }).configDir;
  store = createCredentialStore(configDir);
});
afterEach(async () => {
  await rm(configHome, { recursive: true, force: true });
});

function login(url: string, token = "t0ken"): StoredCredentials {
  return { url, token, expiresAt: "2030-01-01T00:00:00.000Z", email: "owner@example.com" };
}

const modeOf = async (path: string) => (await stat(path)).mode & 0o777;

describe("credential store", () => {
  test("lives in $XDG_CONFIG_HOME/booking/credentials.json", () => {
    expect(store.path).toBe(join(configHome, "booking", "credentials.json"));
  });

  test("falls back to ~/.config when XDG_CONFIG_HOME is unset or relative", () => {
    expect(readCliEnvironment({ HOME: "/home/ada" }).configDir).toBe("/home/ada/.config/booking");
    expect(readCliEnvironment({ HOME: "/home/ada", XDG_CONFIG_HOME: "rel" }).configDir).toBe(
      "/home/ada/.config/booking",
    );
  });

  test("creates the directory 0700 and the file 0600", async () => {
    await store.save(login("http://a.test:3000"));
    expect(await modeOf(configDir)).toBe(0o700);
    expect(await modeOf(store.path)).toBe(0o600);
  });

  test("tightens a directory and file that were too open", async () => {
    await mkdir(configDir, { mode: 0o755 });
    await chmod(configDir, 0o755);
    await writeFile(store.path, '{"servers":{}}', { mode: 0o644 });
    await store.save(login("http://a.test"));
    expect(await modeOf(configDir)).toBe(0o700);
    expect(await modeOf(store.path)).toBe(0o600);
  });

  test("keeps one entry per server, keyed by origin", async () => {
    await store.save(login("http://a.test:3000", "token-a"));
    await store.save(login("https://b.test", "token-b"));
    await store.save(login("http://a.test:3000/", "token-a2"));
    expect((await store.get("http://a.test:3000"))?.token).toBe("token-a2");
    expect((await store.get("https://b.test/some/path"))?.token).toBe("token-b");
    expect(await store.get("http://a.test:4000")).toBeUndefined();
    const file = JSON.parse(await readFile(store.path, "utf8"));
    expect(Object.keys(file.servers)).toEqual(["http://a.test:3000", "https://b.test"]);
  });

  test("remove forgets only that server", async () => {
    await store.save(login("http://a.test"));
    await store.save(login("http://b.test"));
    expect(await store.remove("http://a.test")).toBe(true);
    expect(await store.remove("http://a.test")).toBe(false);
    expect(await store.get("http://a.test")).toBeUndefined();
    expect(await store.get("http://b.test")).toBeDefined();
  });

  test("replaces the file atomically: a new file renamed over the old, no leftovers", async () => {
    await store.save(login("http://a.test", "first"));
    const before = await stat(store.path);
    await store.save(login("http://a.test", "second"));
    const after = await stat(store.path);
    // Rewriting in place would keep the inode (and a reader could see it half-written).
    expect(after.ino).not.toBe(before.ino);
    expect(await readdir(configDir)).toEqual(["credentials.json"]);
    expect((await store.get("http://a.test"))?.token).toBe("second");
  });

  test("a missing file means no logins; a damaged one is a clear error", async () => {
    expect(await store.get("http://a.test")).toBeUndefined();
    await mkdir(configDir, { recursive: true });
    await writeFile(store.path, "{not json");
    await expect(store.get("http://a.test")).rejects.toThrow(CredentialStoreError);
    await expect(store.get("http://a.test")).rejects.toThrow(/damaged/);
  });

  test("a failed write is a clear error", async () => {
    await writeFile(join(configHome, "not-a-directory"), "");
    const blocked = createCredentialStore(join(configHome, "not-a-directory", "booking"));
    await expect(blocked.save(login("http://a.test"))).rejects.toThrow(CredentialStoreError);
    await expect(blocked.save(login("http://a.test"))).rejects.toThrow(
      /^Cannot (read|write) .*not a directory/,
    );
  });

  test("ignores malformed entries", async () => {
    await mkdir(configDir, { recursive: true });
    await writeFile(
      store.path,
      JSON.stringify({ servers: { "http://a.test": { url: 1 }, "http://b.test": login("x") } }),
    );
    expect(await store.get("http://a.test")).toBeUndefined();
    expect(await store.get("http://b.test")).toBeDefined();
  });
});
