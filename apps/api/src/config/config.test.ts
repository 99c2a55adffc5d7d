import { describe, expect, test } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

describe("loadConfig", () => {
  test("an empty environment gives the documented defaults", () => {
    const config = loadConfig({}, "/srv/booking");
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      databaseUrl: undefined,
      dataDir: "/srv/booking/data",
      owner: undefined,
      demo: undefined,
      mailFrom: "booking@localhost",
      logLevel: "info",
      rateLimitPerMinute: 100,
      trustProxy: false,
      publicUrl: undefined,
      webRoot: undefined,
      backup: { directory: undefined, keep: 7 },
    });
  });

  test("reads every variable", () => {
    const config = loadConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        DATABASE_URL: "postgres://u:p@db:5432/booking",
        BOOKING_DATA_DIR: "/var/lib/booking",
        BOOKING_OWNER_EMAIL: "owner@example.org",
        BOOKING_OWNER_PASSWORD: "correct horse battery",
        BOOKING_DEMO: "1",
        BOOKING_SECRET: "x".repeat(32),
        SMTP_URL: "smtps://user:pass@mail.example.org:465",
        MAIL_FROM: "noreply@example.org",
        LOG_LEVEL: "debug",
        RATE_LIMIT_PER_MINUTE: "0",
        TRUST_PROXY: "1",
        PUBLIC_URL: "https://booking.example.org/",
        BOOKING_WEB_ROOT: "srv/web",
        BOOKING_BACKUP_DIR: "backups",
        BOOKING_BACKUP_KEEP: "30",
      },
      "/",
    );
    expect(config).toMatchObject({
      port: 8080,
      host: "0.0.0.0",
      databaseUrl: "postgres://u:p@db:5432/booking",
      dataDir: "/var/lib/booking",
      owner: { email: "owner@example.org", password: "correct horse battery" },
      demo: true,
      rateLimitPerMinute: 0,
      trustProxy: true,
      logLevel: "debug",
      publicUrl: "https://booking.example.org",
      webRoot: "/srv/web",
      backup: { directory: "/backups", keep: 30 },
    });
  });

  test("an empty value counts as unset", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(3000);
  });

  test.each([
    [{ PORT: "abc" }, /^Invalid configuration: PORT must be an integer .* \(got "abc"\)$/],
    [{ PORT: "70000" }, /PORT/],
    [{ PUBLIC_URL: "ftp://example.org" }, /^Invalid configuration: PUBLIC_URL must be an http/],
    [{ PUBLIC_URL: "https://example.org/?x=1" }, /PUBLIC_URL must not have a query/],
    [{ PORT: "3.5" }, /PORT/],
    [{ DATABASE_URL: "mysql://x/y" }, /DATABASE_URL must be a postgres/],
    [{ SMTP_URL: "http://mail" }, /SMTP_URL/],
    [{ LOG_LEVEL: "loud" }, /LOG_LEVEL must be one of/],
    [{ RATE_LIMIT_PER_MINUTE: "-1" }, /RATE_LIMIT_PER_MINUTE/],
    [{ TRUST_PROXY: "yes" }, /TRUST_PROXY/],
    [{ BOOKING_DEMO: "true" }, /BOOKING_DEMO/],
    [{ BOOKING_SECRET: "short" }, /BOOKING_SECRET must have at least 32/],
    [{ MAIL_FROM: "nobody" }, /MAIL_FROM/],
    [{ BOOKING_OWNER_EMAIL: "owner@example.org" }, /BOOKING_OWNER_PASSWORD must be set together/],
    [{ BOOKING_OWNER_PASSWORD: "long enough password" }, /BOOKING_OWNER_EMAIL/],
    [{ BOOKING_BACKUP_KEEP: "0" }, /BOOKING_BACKUP_KEEP must be a whole number of at least 1/],
    [{ BOOKING_BACKUP_KEEP: "seven" }, /BOOKING_BACKUP_KEEP/],
  ])("%j is refused with one line naming the variable", (env, message) => {
    let error: unknown;
    try {
      loadConfig(env);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });
});
