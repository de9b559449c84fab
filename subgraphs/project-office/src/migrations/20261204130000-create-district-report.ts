import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDistrictReport20261204130000 implements MigrationInterface {
  name = 'CreateDistrictReport20261204130000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE district_report (
        id uuid PRIMARY KEY,
        territory_code text NOT NULL CHECK (territory_code ~ '^[0-9]{9}$'),
        region_code text NOT NULL CHECK (region_code ~ '^[0-9]{9}$'),
        period_start date NOT NULL,
        period_end date NOT NULL,
        status text NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','SUBMITTED','ACCEPTED','RETURNED')),
        results text CHECK (length(results) <= 20000),
        problems text CHECK (length(problems) <= 20000),
        next_steps text CHECK (length(next_steps) <= 20000),
        snapshot jsonb,
        snapshot_at timestamptz,
        remarks text CHECK (length(remarks) <= 4000),
        created_by text NOT NULL,
        submitted_at timestamptz,
        reviewed_at timestamptz,
        reviewed_by text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT district_report_period_uq UNIQUE (territory_code, period_end),
        CHECK (period_start <= period_end),
        CHECK ((status = 'DRAFT') OR (snapshot IS NOT NULL AND submitted_at IS NOT NULL)),
        CHECK ((status <> 'RETURNED') OR remarks IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX district_report_region_period_idx ON district_report (region_code, period_end)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE district_report`);
  }
}
