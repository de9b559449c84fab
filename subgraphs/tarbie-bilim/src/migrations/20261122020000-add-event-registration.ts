import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddEventRegistration20261122020000 implements MigrationInterface {
  name = 'AddEventRegistration20261122020000';

  async up(q: QueryRunner): Promise<void> {
    // Counters live on the event row: registrations lock that row, and the CHECK is the last guard against overbooking.
    await q.query(`
      ALTER TABLE event
        ADD COLUMN waiting_list boolean NOT NULL DEFAULT false,
        ADD COLUMN confirmed_count integer NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
        ADD COLUMN waiting_count integer NOT NULL DEFAULT 0 CHECK (waiting_count >= 0),
        ADD CONSTRAINT event_confirmed_within_capacity CHECK (capacity IS NULL OR confirmed_count <= capacity)`);
    await q.query(`
      CREATE TABLE event_registration (
        id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        participant_subject text NOT NULL CHECK (length(participant_subject) BETWEEN 1 AND 255),
        participant_kind text NOT NULL CHECK (participant_kind IN ('STUDENT','TEACHER')),
        grade smallint CHECK (grade BETWEEN 1 AND 12),
        school text NOT NULL CHECK (length(trim(school)) BETWEEN 1 AND 300),
        school_territory_code text NOT NULL CHECK (school_territory_code ~ '^[0-9]{9}$'),
        status text NOT NULL CHECK (status IN ('CONFIRMED','WAITING','CANCELLED')),
        registered_at timestamptz NOT NULL,
        confirmed_at timestamptz,
        cancelled_at timestamptz,
        UNIQUE (id, event_id),
        CHECK ((participant_kind = 'STUDENT') = (grade IS NOT NULL)),
        CHECK ((status = 'CANCELLED') = (cancelled_at IS NOT NULL)),
        CHECK (status <> 'CONFIRMED' OR confirmed_at IS NOT NULL)
      )`);
    // One live registration per person and event; a cancelled one does not block registering again.
    await q.query(`
      CREATE UNIQUE INDEX event_registration_one_per_subject ON event_registration (event_id, participant_subject)
        WHERE status <> 'CANCELLED'`);
    await q.query(`CREATE INDEX event_registration_queue_idx ON event_registration (event_id, status, registered_at, id)`);
    await q.query(`CREATE INDEX event_registration_subject_idx ON event_registration (participant_subject)`);
    await q.query(`CREATE INDEX event_registration_school_territory_idx ON event_registration (school_territory_code)`);
    await q.query(`
      CREATE TABLE event_result (
        registration_id uuid PRIMARY KEY,
        event_id uuid NOT NULL REFERENCES event (id) ON DELETE CASCADE,
        place integer CHECK (place BETWEEN 1 AND 1000),
        award text CHECK (length(trim(award)) BETWEEN 1 AND 200),
        FOREIGN KEY (registration_id, event_id) REFERENCES event_registration (id, event_id) ON DELETE CASCADE,
        CHECK (place IS NOT NULL OR award IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX event_result_event_id_idx ON event_result (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE event_result`);
    await q.query(`DROP TABLE event_registration`);
    await q.query(`
      ALTER TABLE event
        DROP CONSTRAINT event_confirmed_within_capacity,
        DROP COLUMN waiting_count,
        DROP COLUMN confirmed_count,
        DROP COLUMN waiting_list`);
  }
}
