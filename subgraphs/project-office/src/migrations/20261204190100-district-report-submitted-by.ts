import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who submitted a report: the officer told when it is returned (reports submitted before fall back to their creator). */
export class DistrictReportSubmittedBy20261204190100 implements MigrationInterface {
  name = 'DistrictReportSubmittedBy20261204190100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE district_report ADD COLUMN submitted_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE district_report DROP COLUMN submitted_by`);
  }
}
