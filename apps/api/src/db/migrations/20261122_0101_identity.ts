import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Read model of the user aggregate, kept by an inline projection in the append's
  // transaction: the unique e-mail lookup hash is what makes EMAIL_TAKEN race-free.
  await sql`
    CREATE TABLE users (
      id uuid PRIMARY KEY,
      email_lookup text UNIQUE,
      email text,
      name text,
      phone text,
      language text,
      role text NOT NULL,
      status text NOT NULL,
      password_hash text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      version integer NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX users_status_created ON users (status, created_at, id)`.execute(db);
  // One owner at most, checked at commit: an ownership transfer demotes and promotes in
  // one transaction, in whichever order its streams are written.
  await sql`
    ALTER TABLE users ADD CONSTRAINT users_single_owner
      EXCLUDE USING btree ((true) WITH =) WHERE (role = 'owner') DEFERRABLE INITIALLY DEFERRED
  `.execute(db);

  await sql`
    CREATE TABLE sessions (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE api_tokens (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id),
      name text NOT NULL,
      secret_hash bytea NOT NULL UNIQUE,
      created_at timestamptz NOT NULL,
      last_used_at timestamptz,
      revoked_at timestamptz
    )`.execute(db);
  await sql`CREATE INDEX api_tokens_user ON api_tokens (user_id, created_at)`.execute(db);

  // Counters of the fixed-window rate limits, shared by every api process. Unlogged: a
  // crash may reset them, which only forgives some requests; every hit saves a WAL write.
  await sql`
    CREATE UNLOGGED TABLE rate_limit_hits (
      bucket text NOT NULL,
      window_start timestamptz NOT NULL,
      hits integer NOT NULL,
      PRIMARY KEY (bucket, window_start)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rate_limit_hits, api_tokens, sessions, users`.execute(db);
}
