import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

export interface ProcessIdentity {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root. When the api runs as root (containers, a Pi set up
 * in a hurry) the server runs as the system user `postgres`, created if it is missing.
 * Returns undefined when no switch is needed.
 */
export async function postgresProcessIdentity(): Promise<ProcessIdentity | undefined> {
  if (process.getuid?.() !== 0) return undefined;
  const existing = await lookUp("postgres");
  if (existing) return existing;
  await run("groupadd", ["--system", "postgres"]).catch(() => undefined);
  await run("useradd", ["--system", "--gid", "postgres", "--no-create-home", "postgres"]);
  const created = await lookUp("postgres");
  if (!created) throw new Error("could not create the system user 'postgres'");
  return created;
}

async function lookUp(user: string): Promise<ProcessIdentity | undefined> {
  try {
    const [uid, gid] = await Promise.all([run("id", ["-u", user]), run("id", ["-g", user])]);
    return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
  } catch {
    return undefined;
  }
}
