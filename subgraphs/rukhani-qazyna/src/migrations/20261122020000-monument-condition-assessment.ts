import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Condition history: every assessment is kept; monument.condition, condition_assessed_on
 * and the new condition_assessed_by hold the latest one (by assessed day, then recording
 * order) so existing readers and filters keep working.
 */
export class MonumentConditionAssessment20261122020000 implements MigrationInterface {
  name = 'MonumentConditionAssessment20261122020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE monument_condition_assessment (
        id uuid PRIMARY KEY,
        monument_id uuid NOT NULL REFERENCES monument (id) ON DELETE CASCADE,
        condition text NOT NULL CHECK (condition IN ('GOOD','SATISFACTORY','POOR','EMERGENCY')),
        assessed_on date NOT NULL,
        assessed_by text CHECK (length(btrim(assessed_by)) BETWEEN 2 AND 200),
        assessor_subject text,
        note text CHECK (length(note) <= 2000),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- Only rows carried over from before the history existed may lack the public label.
        CHECK (assessed_by IS NOT NULL OR assessor_subject IS NULL)
      )`);
    await q.query(`CREATE INDEX monument_condition_assessment_latest_idx ON monument_condition_assessment (monument_id, assessed_on DESC, id DESC)`);
    await q.query(`ALTER TABLE monument ADD COLUMN condition_assessed_by text`);
    // Existing single values become the first history rows; their UUIDv7-shaped ids sort before any new row.
    await q.query(`
      INSERT INTO monument_condition_assessment (id, monument_id, condition, assessed_on, assessed_by, assessor_subject, recorded_at)
      SELECT id, id, condition, coalesce(condition_assessed_on, created_at::date), NULL, NULL, updated_at
      FROM monument WHERE condition IS NOT NULL`);
    await q.query(`UPDATE monument SET condition_assessed_on = coalesce(condition_assessed_on, created_at::date) WHERE condition IS NOT NULL`);
    await q.query(`ALTER TABLE monument ADD CONSTRAINT monument_condition_dated CHECK ((condition IS NULL) = (condition_assessed_on IS NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE monument DROP CONSTRAINT monument_condition_dated`);
    await q.query(`ALTER TABLE monument DROP COLUMN condition_assessed_by`);
    await q.query(`DROP TABLE monument_condition_assessment`);
  }
}
