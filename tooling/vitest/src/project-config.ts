import { defineConfig } from "vitest/config";

export interface ProjectConfigOptions {
  /** Modules run once per test run before any test file (e.g. the PostgreSQL setup). */
  globalSetup?: string[];
  /** A longer limit per test where a package's tests wait on other files' work. */
  testTimeout?: number;
}

/**
 * The one vitest configuration every package uses. Unit tests sit beside the code as
 * `*.test.ts` (`*.test.tsx` for React components), integration tests as `*.int.test.ts`;
 * all run in `pnpm test`. An error or promise rejection that no test handled fails the
 * run, even when every test passed: it is a bug that would crash the process in production.
 */
export function defineProjectConfig(options: ProjectConfigOptions = {}) {
  return defineConfig({
    test: {
      include: ["{src,test,e2e}/**/*.test.{ts,tsx}"],
      dangerouslyIgnoreUnhandledErrors: false,
      globalSetup: options.globalSetup ?? [],
      // Integration tests talk to a real database and real processes: generous limits,
      // so a busy two-core machine does not turn slowness into failures.
      testTimeout: options.testTimeout ?? 30_000,
      hookTimeout: 120_000,
      pool: "forks",
      maxWorkers: 2,
    },
  });
}
