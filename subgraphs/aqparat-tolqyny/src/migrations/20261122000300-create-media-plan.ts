import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMediaPlan20261122000300 implements MigrationInterface {
  name = 'CreateMediaPlan20261122000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE media_plan (
        id uuid PRIMARY KEY,
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        year integer NOT NULL CHECK (year BETWEEN 2020 AND 2100),
        quarter integer CHECK (quarter BETWEEN 1 AND 4),
        submission_deadline date NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','RETURNED')),
        remarks text CHECK (length(remarks) <= 4000),
        created_by text NOT NULL,
        submitted_at timestamptz,
        reviewed_at timestamptz,
        reviewed_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'RETURNED' OR coalesce(length(trim(remarks)), 0) > 0),
        CHECK (status IN ('DRAFT','SUBMITTED') OR reviewed_at IS NOT NULL),
        CHECK (status = 'DRAFT' OR submitted_at IS NOT NULL)
      )`);
    // A whole-year plan (quarter NULL) is one period, distinct from each quarter.
    await q.query(`CREATE UNIQUE INDEX media_plan_period_uq ON media_plan (territory_code, year, coalesce(quarter, 0))`);
    await q.query(`CREATE INDEX media_plan_territory_code_idx ON media_plan (territory_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE media_plan`);
  }
}
