import { type Kysely, sql } from "kysely";

// Frozen in time: never edit a migration that has shipped; add a new one.
//
// Every api process keeps read caches (availability, catalog, credentials) and must learn
// when another process, or anyone writing SQL, changed what they were built from. These
// triggers announce such changes on three channels; the transactions that fire them
// already notify `eventstore_appended`, so they add no new commit serialization.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION booking_notify_reservation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP <> 'INSERT' THEN
        PERFORM pg_notify('booking_reservations_changed', OLD.resource_id::text);
      END IF;
      IF TG_OP <> 'DELETE' THEN
        PERFORM pg_notify('booking_reservations_changed', NEW.resource_id::text);
      END IF;
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER reservations_notify_changed AFTER INSERT OR UPDATE OR DELETE ON reservations
    FOR EACH ROW EXECUTE FUNCTION booking_notify_reservation_changed()`.execute(db);

  await sql`
    CREATE FUNCTION booking_notify_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify(TG_ARGV[0], '');
      RETURN NULL;
    END $$`.execute(db);
  for (const table of ["venues", "resources", "offerings"]) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_notify_changed`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.id(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION booking_notify_changed('booking_catalog_changed')`.execute(
      db,
    );
  }
  // Only what decides who a credential stands for: `last_used_at` updates stay silent.
  const credentialColumns = {
    sessions: ["revoked_at", "expires_at", "user_id"],
    api_tokens: ["revoked_at", "secret_hash", "user_id"],
    users: ["role", "status"],
  };
  for (const [table, columns] of Object.entries(credentialColumns)) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_notify_credentials_changed`)}
      AFTER UPDATE OF ${sql.join(columns.map((column) => sql.id(column)))} OR DELETE OR TRUNCATE
      ON ${sql.id(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION booking_notify_changed('booking_credentials_changed')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["sessions", "api_tokens", "users"]) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_notify_credentials_changed`)} ON ${sql.id(table)}`.execute(
      db,
    );
  }
  for (const table of ["venues", "resources", "offerings"]) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_notify_changed`)} ON ${sql.id(table)}`.execute(
      db,
    );
  }
  await sql`DROP TRIGGER IF EXISTS reservations_notify_changed ON reservations`.execute(db);
  await sql`DROP FUNCTION IF EXISTS booking_notify_changed()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS booking_notify_reservation_changed()`.execute(db);
}
