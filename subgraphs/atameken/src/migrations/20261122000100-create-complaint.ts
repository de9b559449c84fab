import type { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES = `'SUBMITTED','ACCEPTED','IN_PROGRESS','RESOLVED','RESOLVED_BY_CITIZENS','REJECTED','DUPLICATE'`;

export class CreateComplaint20261122000100 implements MigrationInterface {
  name = 'CreateComplaint20261122000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint (
        id uuid PRIMARY KEY,
        topic text NOT NULL CHECK (topic IN ('HOUSING_AND_UTILITIES','ROADS','TRANSPORT','ECOLOGY','PUBLIC_AMENITIES','MONUMENT_DAMAGE','OTHER')),
        text text NOT NULL CHECK (char_length(text) BETWEEN 10 AND 5000),
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        lat double precision CHECK (lat BETWEEN 40.5 AND 55.5),
        lon double precision CHECK (lon BETWEEN 46.4 AND 87.4),
        monument_id uuid,
        status text NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN (${STATUSES})),
        author_subject text NOT NULL CHECK (author_subject <> ''),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((lat IS NULL) = (lon IS NULL))
      )`);
    await q.query(`CREATE INDEX complaint_territory_code_idx ON complaint (territory_code)`);
    await q.query(`CREATE INDEX complaint_author_subject_idx ON complaint (author_subject)`);
    await q.query(`
      CREATE TABLE complaint_status_change (
        id uuid PRIMARY KEY,
        complaint_id uuid NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
        from_status text CHECK (from_status IN (${STATUSES})),
        to_status text NOT NULL CHECK (to_status IN (${STATUSES})),
        by_role text NOT NULL CHECK (by_role IN ('CITIZEN','VOLUNTEER','NGO','PATRON','AKIMAT_OFFICER','PROJECT_OFFICE','MINISTRY_EDITOR','ADMIN')),
        by_subject text NOT NULL CHECK (by_subject <> ''),
        comment text CHECK (char_length(comment) BETWEEN 1 AND 2000),
        at timestamptz NOT NULL DEFAULT now(),
        CHECK (from_status IS DISTINCT FROM to_status),
        CHECK (to_status <> 'REJECTED' OR comment IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX complaint_status_change_complaint_idx ON complaint_status_change (complaint_id, at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_status_change`);
    await q.query(`DROP TABLE complaint`);
  }
}
