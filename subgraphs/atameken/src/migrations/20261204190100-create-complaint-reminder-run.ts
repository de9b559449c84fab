import type { MigrationInterface, QueryRunner } from 'typeorm';

/** One row per Kazakhstan day whose officer reminders were sent: replicas and restarts send a day once. */
export class CreateComplaintReminderRun20261204190100 implements MigrationInterface {
  name = 'CreateComplaintReminderRun20261204190100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE complaint_reminder_run (day date PRIMARY KEY, ran_at timestamptz NOT NULL, sent integer NOT NULL)`);
    // The daily run reads open complaints by due day.
    await q.query(`CREATE INDEX complaint_open_due_idx ON complaint (due_on) WHERE status IN ('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX complaint_open_due_idx`);
    await q.query(`DROP TABLE complaint_reminder_run`);
  }
}
