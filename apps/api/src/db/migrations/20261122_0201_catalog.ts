import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
export async function up(db: Kysely<unknown>): Promise<void> {
  // Read models of the catalog streams, kept by an inline projection. The whole entity is
  // `data` (the shape of the API); columns exist only for what queries filter or sort by.
  await sql`
    CREATE TABLE venues (
      id uuid PRIMARY KEY,
      data jsonb NOT NULL,
      name text NOT NULL,
      postal_code text,
      lat double precision,
      lng double precision,
      version integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX venues_postal_code ON venues (postal_code text_pattern_ops)`.execute(db);
  await sql`
    CREATE TABLE resources (
      id uuid PRIMARY KEY,
      venue_id uuid NOT NULL REFERENCES venues (id),
      data jsonb NOT NULL,
      version integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX resources_venue ON resources (venue_id, created_at)`.execute(db);
  await sql`
    CREATE TABLE offerings (
      id uuid PRIMARY KEY,
      venue_id uuid NOT NULL REFERENCES venues (id),
      data jsonb NOT NULL,
      version integer NOT NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX offerings_venue ON offerings (venue_id, created_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE offerings, resources, venues`.execute(db);
}
