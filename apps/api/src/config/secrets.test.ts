import { mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { loadSecrets } from "./secrets.ts";

const newDataDir = () => mkdtemp(join(tmpdir(), "booking-secrets-"));

describe("loadSecrets", () => {
  test("without BOOKING_SECRET, generates one private secret file and reuses it", async () => {
    const dataDir = await newDataDir();
    const first = await loadSecrets({ secret: undefined, dataDir });
    const file = join(dataDir, "secrets", "booking-secret");
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await readFile(file, "utf8")).trim()).toMatch(/^[\w-]{43}$/);
    const second = await loadSecrets({ secret: undefined, dataDir });
    expect(second).toEqual(first);
  });

  test("concurrent first starts agree on one secret", async () => {
    const dataDir = await newDataDir();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => loadSecrets({ secret: undefined, dataDir })),
    );
    for (const result of results) expect(result).toEqual(results[0]);
  });

  test("BOOKING_SECRET decides the keys, whatever the data directory", async () => {
    const secret = "a".repeat(40);
    const one = await loadSecrets({ secret, dataDir: await newDataDir() });
    const two = await loadSecrets({ secret, dataDir: await newDataDir() });
    expect(one).toEqual(two);
    const other = await loadSecrets({ secret: "b".repeat(40), dataDir: await newDataDir() });
    expect(other.tokenSigningKey.equals(one.tokenSigningKey)).toBe(false);
  });

  test("each purpose gets a different 32-byte key", async () => {
    const keys = await loadSecrets({ secret: "c".repeat(40), dataDir: await newDataDir() });
    const all = [keys.tokenSigningKey, keys.personalDataMasterKey, keys.emailLookupKey];
    for (const key of all) expect(key).toHaveLength(32);
    expect(new Set(all.map((key) => key.toString("hex"))).size).toBe(3);
  });
});
