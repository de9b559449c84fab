import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for national volume (50,000 events, 500,000 registrations): indicators and territory lists read
 * a territory's events by start time; (territory_code, starts_at) serves what the territory_code index did.
 */
export class EventScaleIndexes20261204151400 implements MigrationInterface {
  name = 'EventScaleIndexes20261204151400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX event_territory_starts_idx ON event (territory_code, starts_at)`);
    await q.query(`DROP INDEX event_territory_code_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX event_territory_code_idx ON event (territory_code)`);
    await q.query(`DROP INDEX event_territory_starts_idx`);
  }
}
