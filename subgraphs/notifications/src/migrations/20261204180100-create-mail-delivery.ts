import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The durable mail queue: one row per notification mailed, or per person and day for a digest.
 * It holds no address and no body: both are read when the mail is sent.
 */
export class CreateMailDelivery20261204180100 implements MigrationInterface {
  name = 'CreateMailDelivery20261204180100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE mail_delivery (
        id uuid PRIMARY KEY,
        recipient_subject text NOT NULL,
        -- A notification kind, or DIGEST_DAILY.
        kind text NOT NULL,
        notification_id uuid UNIQUE REFERENCES notification (id) ON DELETE CASCADE,
        digest_day date,
        status text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING','SENDING','SENT','DEAD','CANCELLED')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        last_error_code text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CHECK ((notification_id IS NULL) <> (digest_day IS NULL)),
        -- One digest per person and day, however many replicas run the schedule.
        CONSTRAINT mail_delivery_one_digest_a_day UNIQUE (recipient_subject, digest_day)
      )`);
    await q.query(`CREATE INDEX mail_delivery_due_idx ON mail_delivery (next_attempt_at, id) WHERE status = 'PENDING'`);
    await q.query(`CREATE INDEX mail_delivery_status_idx ON mail_delivery (status, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE mail_delivery`);
  }
}
