import type { MigrationInterface, QueryRunner } from 'typeorm';

const HELP_KINDS = `ARRAY['CONSULTING','TEACHING','PHYSICAL_HELP','TRANSPORT','OTHER']::text[]`;
const DAYS = `ARRAY['MON','TUE','WED','THU','FRI','SAT','SUN']::text[]`;

/**
 * Volunteer corps and the map of people in need: anonymous public profiles, contacts
 * released one at a time to verified identities with an append-only audit trail,
 * help records confirmed by the helped person or an officer, and reviews.
 */
export class VolunteerCorps20261122020200 implements MigrationInterface {
  name = 'VolunteerCorps20261122020200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE volunteer (
        id uuid PRIMARY KEY,
        subject text NOT NULL UNIQUE CHECK (subject <> ''),
        help_kinds text[] NOT NULL CHECK (cardinality(help_kinds) BETWEEN 1 AND 5 AND help_kinds <@ ${HELP_KINDS}),
        available_days text[] NOT NULL CHECK (cardinality(available_days) BETWEEN 1 AND 7 AND available_days <@ ${DAYS}),
        available_from time NOT NULL,
        available_to time NOT NULL,
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        has_car boolean NOT NULL,
        contact_name text NOT NULL CHECK (char_length(contact_name) BETWEEN 1 AND 200),
        contact_phone text CHECK (contact_phone ~ '^\\+?[0-9 ()-]{7,20}$'),
        contact_email text CHECK (char_length(contact_email) BETWEEN 3 AND 200 AND contact_email LIKE '%_@_%'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (available_from < available_to),
        CHECK (contact_phone IS NOT NULL OR contact_email IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX volunteer_territory_idx ON volunteer (territory_code)`);

    await q.query(`
      CREATE TABLE person_in_need (
        id uuid PRIMARY KEY,
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        needs text[] NOT NULL CHECK (cardinality(needs) BETWEEN 1 AND 5 AND needs <@ ${HELP_KINDS}),
        status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        subject text CHECK (subject <> ''),
        registered_by_subject text NOT NULL CHECK (registered_by_subject <> ''),
        contact_name text NOT NULL CHECK (char_length(contact_name) BETWEEN 1 AND 200),
        contact_phone text CHECK (contact_phone ~ '^\\+?[0-9 ()-]{7,20}$'),
        address text CHECK (char_length(address) BETWEEN 1 AND 500),
        note text CHECK (char_length(note) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (contact_phone IS NOT NULL OR address IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX person_in_need_territory_idx ON person_in_need (territory_code)`);

    await q.query(`
      CREATE TABLE volunteer_help_record (
        id uuid PRIMARY KEY,
        volunteer_id uuid NOT NULL REFERENCES volunteer (id),
        helped_on date NOT NULL,
        people_helped integer NOT NULL CHECK (people_helped BETWEEN 1 AND 1000),
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        initiative_id uuid REFERENCES initiative (id),
        person_in_need_id uuid REFERENCES person_in_need (id),
        help_kind text NOT NULL CHECK (help_kind = ANY (${HELP_KINDS})),
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','CONFIRMED','REJECTED')),
        decided_by_role text CHECK (decided_by_role IN ('HELPED_PERSON','AKIMAT_OFFICER','ADMIN')),
        decided_by_subject text CHECK (decided_by_subject <> ''),
        decided_at timestamptz,
        decision_note text CHECK (char_length(decision_note) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CHECK ((decided_at IS NULL) = (decided_by_subject IS NULL) AND (decided_at IS NULL) = (decided_by_role IS NULL)),
        CHECK (status <> 'REJECTED' OR decision_note IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX volunteer_help_record_volunteer_idx ON volunteer_help_record (volunteer_id, helped_on)`);
    await q.query(`CREATE INDEX volunteer_help_record_confirmed_idx ON volunteer_help_record (helped_on) WHERE status = 'CONFIRMED'`);

    await q.query(`
      CREATE TABLE volunteer_review (
        id uuid PRIMARY KEY,
        volunteer_id uuid NOT NULL REFERENCES volunteer (id),
        author_subject text NOT NULL CHECK (author_subject <> ''),
        positive boolean NOT NULL,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (volunteer_id, author_subject)
      )`);
    await q.query(`CREATE INDEX volunteer_review_created_idx ON volunteer_review (created_at)`);

    await q.query(`
      CREATE TABLE initiative_volunteer (
        initiative_id uuid NOT NULL REFERENCES initiative (id) ON DELETE CASCADE,
        volunteer_id uuid NOT NULL REFERENCES volunteer (id),
        PRIMARY KEY (initiative_id, volunteer_id)
      )`);

    // Who saw whose contact details, when and why. Rows are only ever added.
    await q.query(`
      CREATE TABLE personal_data_release (
        id uuid PRIMARY KEY,
        viewer_subject text NOT NULL CHECK (viewer_subject <> ''),
        record_kind text NOT NULL CHECK (record_kind IN ('VOLUNTEER','PERSON_IN_NEED')),
        record_id uuid NOT NULL,
        reason text NOT NULL CHECK (char_length(reason) BETWEEN 5 AND 500),
        released_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX personal_data_release_record_idx ON personal_data_release (record_kind, record_id)`);
    await q.query(`
      CREATE FUNCTION personal_data_release_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'personal_data_release is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await q.query(`
      CREATE TRIGGER personal_data_release_no_update_delete BEFORE UPDATE OR DELETE ON personal_data_release
      FOR EACH ROW EXECUTE FUNCTION personal_data_release_append_only()`);
    await q.query(`
      CREATE TRIGGER personal_data_release_no_truncate BEFORE TRUNCATE ON personal_data_release
      FOR EACH STATEMENT EXECUTE FUNCTION personal_data_release_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE personal_data_release`);
    await q.query(`DROP FUNCTION personal_data_release_append_only()`);
    await q.query(`DROP TABLE initiative_volunteer`);
    await q.query(`DROP TABLE volunteer_review`);
    await q.query(`DROP TABLE volunteer_help_record`);
    await q.query(`DROP TABLE person_in_need`);
    await q.query(`DROP TABLE volunteer`);
  }
}
