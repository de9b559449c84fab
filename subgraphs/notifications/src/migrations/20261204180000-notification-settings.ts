import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A person's notification settings: language, contact e-mail (only with consent), mail mode, per-kind channel switches. */
export class NotificationSettings20261204180000 implements MigrationInterface {
  name = 'NotificationSettings20261204180000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_profile (
        subject text PRIMARY KEY CHECK (length(subject) BETWEEN 1 AND 200),
        language text CHECK (language IN ('kk','ru','en')),
        email text CHECK (length(email) BETWEEN 3 AND 254),
        email_consent_at timestamptz,
        mail_mode text NOT NULL DEFAULT 'EACH' CHECK (mail_mode IN ('EACH','DIGEST_DAILY')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        -- An address is kept only with the person's consent; withdrawing it deletes the address.
        CONSTRAINT notification_profile_email_needs_consent CHECK (email IS NULL OR email_consent_at IS NOT NULL)
      )`);
    // Only switches a person changed are stored; every kind and channel is on by default.
    await q.query(`
      CREATE TABLE notification_preference (
        subject text NOT NULL REFERENCES notification_profile (subject) ON DELETE CASCADE,
        kind text NOT NULL,
        channel text NOT NULL CHECK (channel IN ('IN_APP','EMAIL')),
        enabled boolean NOT NULL,
        PRIMARY KEY (subject, kind, channel)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification_profile`);
  }
}
