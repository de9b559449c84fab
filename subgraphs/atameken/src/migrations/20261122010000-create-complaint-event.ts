import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbox of complaint status changes for live subscriptions: written in the same
 * transaction as the change, announced with NOTIFY on commit, replayed by cursor (id).
 */
export class CreateComplaintEvent20261122010000 implements MigrationInterface {
  name = 'CreateComplaintEvent20261122010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE complaint_event (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        change_id uuid NOT NULL UNIQUE REFERENCES complaint_status_change (id),
        complaint_id uuid NOT NULL REFERENCES complaint (id),
        territory_code text NOT NULL,
        topic text NOT NULL,
        from_status text,
        to_status text NOT NULL,
        by_role text NOT NULL,
        comment text,
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX complaint_event_at_idx ON complaint_event (at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE complaint_event`);
  }
}
