import { hkdfSync, randomBytes } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";

/** Keys derived from the one master secret; each purpose gets its own, unrelated key. */
export interface Secrets {
  /** Signs login, session and guest manage tokens (HMAC). */
  tokenSigningKey: Buffer;
  /** Wraps the per-person keys that encrypt personal data in events. */
  personalDataMasterKey: Buffer;
  /** Keys the hash through which e-mail addresses are looked up. */
  emailLookupKey: Buffer;
}

const secretFileName = "booking-secret";

/**
 * `BOOKING_SECRET` when given; otherwise a random secret generated once into
 * `<data dir>/secrets/` (readable by the owner only) and reused on every start. Several
 * instances sharing a database must share `BOOKING_SECRET`.
 */
export async function loadSecrets(options: {
  secret: string | undefined;
  dataDir: string;
}): Promise<Secrets> {
  const material = options.secret ?? (await readOrCreateSecret(options.dataDir));
  const derive = (purpose: string) =>
    Buffer.from(hkdfSync("sha256", material, "booking", purpose, 32));
  return {
    tokenSigningKey: derive("token-signing"),
    personalDataMasterKey: derive("personal-data-master-key"),
    emailLookupKey: derive("email-lookup"),
  };
}

/** Where the generated secret lives under a data dir (it must be kept with any backup). */
export function secretFilePath(dataDir: string): string {
  return join(dataDir, "secrets", secretFileName);
}

async function readOrCreateSecret(dataDir: string): Promise<string> {
  const directory = join(dataDir, "secrets");
  const file = secretFilePath(dataDir);
  const existing = await readFile(file, "utf8").catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString("base64url");
  // "wx": if another process created it in the meantime, keep theirs.
  await writeFile(file, `${secret}\n`, { mode: 0o600, flag: "wx" }).catch(async (error) => {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  });
  return (await readFile(file, "utf8")).trim();
}
