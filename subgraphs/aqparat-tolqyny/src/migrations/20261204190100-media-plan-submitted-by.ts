import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Who submitted a plan: the officer told when it is returned (plans submitted before fall back to their creator). */
export class MediaPlanSubmittedBy20261204190100 implements MigrationInterface {
  name = 'MediaPlanSubmittedBy20261204190100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE media_plan ADD COLUMN submitted_by text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE media_plan DROP COLUMN submitted_by`);
  }
}
