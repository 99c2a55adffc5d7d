import { resolve } from "node:path";
import { z } from "zod";

const flag = z.enum(["0", "1"]).transform((value) => value === "1");

const postgresUrl = z.url({
  protocol: /^postgres(ql)?$/,
  error: "must be a postgres:// or postgresql:// URL",
});

// One schema per variable of the table in docs/api.md; the key is the variable's name so that
// a failure names exactly what to fix.
const environmentSchema = z
  .object({
    PORT: z.coerce
      .number({ error: "must be an integer between 0 and 65535 (0 picks a free port)" })
      .int("must be an integer between 0 and 65535 (0 picks a free port)")
      .min(0, "must be an integer between 0 and 65535 (0 picks a free port)")
      .max(65535, "must be an integer between 0 and 65535 (0 picks a free port)")
      .default(3000),
    HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
    DATABASE_URL: postgresUrl.optional(),
    BOOKING_DATA_DIR: z.string().trim().min(1, "must not be empty").default("./data"),
    BOOKING_OWNER_EMAIL: z.email("must be an e-mail address").optional(),
    BOOKING_OWNER_PASSWORD: z
      .string()
      .min(10, "must have at least 10 characters")
      .max(200, "must have at most 200 characters")
      .optional(),
    BOOKING_DEMO: flag.optional(),
    BOOKING_SECRET: z.string().min(32, "must have at least 32 characters").optional(),
    SMTP_URL: z
      .url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })
      .optional(),
    MAIL_FROM: z.email("must be an e-mail address").default("booking@localhost"),
    LOG_LEVEL: z
      .enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"], {
        error: "must be one of fatal, error, warn, info, debug, trace, silent",
      })
      .default("info"),
    RATE_LIMIT_PER_MINUTE: z.coerce
      .number({ error: "must be a whole number (0 turns the limit off)" })
      .int("must be a whole number (0 turns the limit off)")
      .min(0, "must be a whole number (0 turns the limit off)")
      .default(100),
    TRUST_PROXY: flag.default(false),
    PUBLIC_URL: z
      .url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" })
      .refine((url) => !/[?#]/.test(url), "must not have a query or fragment")
      .transform((url) => url.replace(/\/+$/, ""))
      .optional(),
    BOOKING_WEB_ROOT: z.string().optional(),
    BOOKING_BACKUP_DIR: z.string().trim().min(1, "must not be empty").optional(),
    BOOKING_BACKUP_KEEP: z.coerce
      .number({ error: "must be a whole number of at least 1" })
      .int("must be a whole number of at least 1")
      .min(1, "must be a whole number of at least 1")
      .default(7),
  })
  .superRefine((env, context) => {
    if (Boolean(env.BOOKING_OWNER_EMAIL) !== Boolean(env.BOOKING_OWNER_PASSWORD)) {
      const missing = env.BOOKING_OWNER_EMAIL ? "BOOKING_OWNER_PASSWORD" : "BOOKING_OWNER_EMAIL";
      context.addIssue({
        code: "custom",
        path: [missing],
        message: "must be set together with the other owner variable",
      });
    }
  });

export interface Config {
  port: number;
  host: string;
  /** Unset: the api starts and owns an embedded PostgreSQL under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  owner: { email: string; password: string } | undefined;
  /** Undefined: decided at start (demo data only into an empty database under `pnpm start`). */
  demo: boolean | undefined;
  secret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: "fatal" | "error" | "warn" | "info" | "debug" | "trace" | "silent";
  rateLimitPerMinute: number;
  trustProxy: boolean;
  /**
   * Where people reach the web app (links in e-mails and feeds), without a trailing slash.
   * Undefined: `http://localhost:<the port listened on>`.
   */
  publicUrl: string | undefined;
  /** The built web app to serve at `/`; undefined: the one built beside the api (apps/web/dist). */
  webRoot: string | undefined;
  /** Nightly backups: where they go (undefined: none) and how many are kept. */
  backup: { directory: string | undefined; keep: number };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

// Empty strings count as unset: `PORT= pnpm start` should mean "default", not "invalid".
function withoutEmptyValues(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

/** Reads and validates the environment; the only place that touches `process.env`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(withoutEmptyValues(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? "environment");
    const got = env[variable] === undefined ? "" : ` (got ${JSON.stringify(env[variable])})`;
    throw new ConfigError(
      `Invalid configuration: ${variable} ${issue?.message ?? "is invalid"}${got}`,
    );
  }
  const value = parsed.data;
  return {
    port: value.PORT,
    host: value.HOST,
    databaseUrl: value.DATABASE_URL,
    dataDir: resolve(cwd, value.BOOKING_DATA_DIR),
    owner:
      value.BOOKING_OWNER_EMAIL && value.BOOKING_OWNER_PASSWORD
        ? { email: value.BOOKING_OWNER_EMAIL, password: value.BOOKING_OWNER_PASSWORD }
        : undefined,
    demo: value.BOOKING_DEMO,
    secret: value.BOOKING_SECRET,
    smtpUrl: value.SMTP_URL,
    mailFrom: value.MAIL_FROM,
    logLevel: value.LOG_LEVEL,
    rateLimitPerMinute: value.RATE_LIMIT_PER_MINUTE,
    trustProxy: value.TRUST_PROXY,
    publicUrl: value.PUBLIC_URL,
    webRoot:
      value.BOOKING_WEB_ROOT === undefined ? undefined : resolve(cwd, value.BOOKING_WEB_ROOT),
    backup: {
      directory:
        value.BOOKING_BACKUP_DIR === undefined ? undefined : resolve(cwd, value.BOOKING_BACKUP_DIR),
      keep: value.BOOKING_BACKUP_KEEP,
    },
  };
}
