import type { MigrationInterface, QueryRunner } from 'typeorm';

const TOPICS = `'HOUSING_AND_UTILITIES','ROADS','TRANSPORT','ECOLOGY','PUBLIC_AMENITIES','MONUMENT_DAMAGE','OTHER'`;
const KZ_FILED_DAY = `(c.created_at AT TIME ZONE INTERVAL '+05:00')::date`;

/**
 * Civic control beyond the first slice: akimat offices for routing, deadlines per
 * topic, evidence, comments, duplicates and reopening.
 */
export class ComplaintCivicControl20261122020000 implements MigrationInterface {
  name = 'ComplaintCivicControl20261122020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE akimat_officer (
        id uuid PRIMARY KEY,
        officer_subject text NOT NULL CHECK (char_length(officer_subject) BETWEEN 1 AND 200),
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (territory_code, officer_subject)
      )`);

    await q.query(`
      CREATE TABLE complaint_topic_deadline (
        topic text PRIMARY KEY CHECK (topic IN (${TOPICS})),
        working_days integer NOT NULL CHECK (working_days BETWEEN 1 AND 90),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      ALTER TABLE complaint
        ADD COLUMN responsible_territory_code text CHECK (responsible_territory_code ~ '^[0-9]{9}$'),
        ADD COLUMN due_on date,
        ADD COLUMN resolved_at timestamptz,
        ADD COLUMN duplicate_of_id uuid REFERENCES complaint (id),
        ADD COLUMN assigned_officer_subject text CHECK (char_length(assigned_officer_subject) BETWEEN 1 AND 200)`);
    // Rows filed before this migration: their own territory, 15 working days, resolution time from the history.
    await q.query(`
      UPDATE complaint c SET
        responsible_territory_code = c.territory_code,
        due_on = (
          SELECT d::date FROM generate_series(${KZ_FILED_DAY} + 1, ${KZ_FILED_DAY} + 40, interval '1 day') AS d
          WHERE extract(isodow FROM d) < 6 ORDER BY d OFFSET 14 LIMIT 1
        ),
        resolved_at = CASE WHEN c.status IN ('RESOLVED','RESOLVED_BY_CITIZENS') THEN
          (SELECT max(h.at) FROM complaint_status_change h WHERE h.complaint_id = c.id AND h.to_status = c.status)
        END`);
    await q.query(`
      ALTER TABLE complaint
        ALTER COLUMN responsible_territory_code SET NOT NULL,
        ALTER COLUMN due_on SET NOT NULL,
        ADD CONSTRAINT complaint_resolved_at_check CHECK ((resolved_at IS NOT NULL) = (status IN ('RESOLVED','RESOLVED_BY_CITIZENS'))),
        ADD CONSTRAINT complaint_duplicate_of_check CHECK (duplicate_of_id IS NULL OR (status = 'DUPLICATE' AND duplicate_of_id <> id))`);
    await q.query(`CREATE INDEX complaint_responsible_territory_idx ON complaint (responsible_territory_code)`);
    await q.query(`CREATE INDEX complaint_created_at_idx ON complaint (created_at)`);
    await q.query(`CREATE INDEX complaint_monument_idx ON complaint (monument_id) WHERE monument_id IS NOT NULL`);
    await q.query(`
      CREATE INDEX complaint_open_location_idx ON complaint (topic, lat, lon)
      WHERE status IN ('SUBMITTED','ACCEPTED','IN_PROGRESS') AND lat IS NOT NULL`);

    await q.query(`
      CREATE TABLE complaint_evidence (
        complaint_id uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        position smallint NOT NULL CHECK (position BETWEEN 0 AND 19),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        kind text NOT NULL CHECK (kind IN ('photo','video','audio')),
        PRIMARY KEY (complaint_id, position),
        UNIQUE (complaint_id, sha256)
      )`);

    await q.query(`
      CREATE TABLE complaint_comment (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('COMMENT','PROPOSAL')),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        by_role text NOT NULL CHECK (by_role IN ('CITIZEN','VOLUNTEER','NGO','PATRON','AKIMAT_OFFICER','PROJECT_OFFICE','MINISTRY_EDITOR','ADMIN')),
        author_subject text NOT NULL CHECK (author_subject <> ''),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX complaint_comment_complaint_idx ON complaint_comment (complaint_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_comment`);
    await q.query(`DROP TABLE complaint_evidence`);
    await q.query(`
      ALTER TABLE complaint
        DROP COLUMN responsible_territory_code, DROP COLUMN due_on, DROP COLUMN resolved_at,
        DROP COLUMN duplicate_of_id, DROP COLUMN assigned_officer_subject`);
    await q.query(`DROP TABLE complaint_topic_deadline`);
    await q.query(`DROP TABLE akimat_officer`);
  }
}
