import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddRegistrationParticipantName20261204000000 implements MigrationInterface {
  name = 'AddRegistrationParticipantName20261204000000';

  async up(q: QueryRunner): Promise<void> {
    // Personal data, shown to the event's organisers only; earlier registrations have none.
    await q.query(`ALTER TABLE event_registration ADD COLUMN participant_name text CHECK (length(trim(participant_name)) BETWEEN 1 AND 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_registration DROP COLUMN participant_name`);
  }
}
