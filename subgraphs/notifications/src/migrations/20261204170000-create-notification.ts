import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotification20261204170000 implements MigrationInterface {
  name = 'CreateNotification20261204170000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY,
        -- Commit order for the live feed's cursor (the intake serialises its writers).
        seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
        source text NOT NULL,
        dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 200),
        recipient_subject text NOT NULL CHECK (length(recipient_subject) BETWEEN 1 AND 200),
        kind text NOT NULL,
        about_type text NOT NULL,
        about_id text NOT NULL,
        params jsonb NOT NULL DEFAULT '{}',
        language text CHECK (language IN ('kk','ru','en')),
        occurred_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        -- A relay may deliver an event again: the same source and key is kept once.
        UNIQUE (source, dedupe_key)
      )`);
    // The inbox reads a person's rows newest first; ids are UUIDv7, so id order is creation order.
    await q.query(`CREATE INDEX notification_recipient_id_idx ON notification (recipient_subject, id DESC)`);
    await q.query(`CREATE INDEX notification_recipient_unread_idx ON notification (recipient_subject) WHERE read_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
