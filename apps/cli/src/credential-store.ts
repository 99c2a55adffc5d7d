import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";

/** One login, as `booking login` keeps it for a server. */
export interface StoredCredentials {
  url: string;
  token: string;
  expiresAt: string;
  email: string;
}

export interface CredentialStore {
  /** The file holding every server's login. */
  readonly path: string;
  get(url: string): Promise<StoredCredentials | undefined>;
  save(credentials: StoredCredentials): Promise<void>;
  /** Forgets the login for `url`; false when there was none. */
  remove(url: string): Promise<boolean>;
}

export class CredentialStoreError extends Error {}

type CredentialsFile = { servers: Record<string, StoredCredentials> };

/**
 * Entries are keyed by the server's origin: the client ignores the URL's path (it always
 * calls `/trpc`), so `http://host:3000` and `http://host:3000/` are the same server.
 */
export function serverKey(url: string): string {
  return new URL(url).origin;
}

/**
 * Logins in `<configDir>/credentials.json`. The directory is 0700 and the file 0600: the
 * tokens are as good as passwords. Writes go to a new file that is renamed over the old
 * one, so a crash or a full disk never leaves a truncated file behind.
 */
export function createCredentialStore(configDir: string): CredentialStore {
  const path = join(configDir, "credentials.json");

  async function load(): Promise<CredentialsFile> {
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return { servers: {} };
      throw new CredentialStoreError(`Cannot read ${path}: ${(error as Error).message}`);
    }
    try {
      return { servers: validEntries(JSON.parse(text)) };
    } catch {
      throw new CredentialStoreError(
        `${path} is damaged; delete it and run \`booking login\` again.`,
      );
    }
  }

  async function store(file: CredentialsFile): Promise<void> {
    try {
      await writeAtomically(file);
    } catch (error) {
      throw new CredentialStoreError(`Cannot write ${path}: ${(error as Error).message}`);
    }
  }

  async function writeAtomically(file: CredentialsFile): Promise<void> {
    await mkdir(configDir, { recursive: true, mode: 0o700 });
    // mkdir leaves an existing directory's mode alone; this one holds secrets.
    await chmod(configDir, 0o700);
    const temporary = join(configDir, `.credentials.${randomBytes(8).toString("hex")}.tmp`);
    const handle = await open(temporary, "wx", 0o600);
    try {
      await handle.chmod(0o600); // the umask may have narrowed it; never widened
      await handle.writeFile(`${JSON.stringify(file, null, 2)}\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  return {
    path,
    async get(url) {
      return (await load()).servers[serverKey(url)];
    },
    async save(credentials) {
      const file = await load();
      file.servers[serverKey(credentials.url)] = credentials;
      await store(file);
    },
    async remove(url) {
      const file = await load();
      const key = serverKey(url);
      if (!Object.hasOwn(file.servers, key)) return false;
      delete file.servers[key];
      await store(file);
      return true;
    },
  };
}

function validEntries(json: unknown): Record<string, StoredCredentials> {
  const servers = (json as { servers?: unknown } | null)?.servers;
  if (typeof servers !== "object" || servers === null) throw new Error("no servers");
  return Object.fromEntries(
    Object.entries(servers).filter((entry): entry is [string, StoredCredentials] =>
      isCredentials(entry[1]),
    ),
  );
}

function isCredentials(value: unknown): value is StoredCredentials {
  const entry = value as Partial<Record<keyof StoredCredentials, unknown>> | null;
  return (
    typeof entry?.url === "string" &&
    typeof entry.token === "string" &&
    typeof entry.expiresAt === "string" &&
    typeof entry.email === "string"
  );
}
