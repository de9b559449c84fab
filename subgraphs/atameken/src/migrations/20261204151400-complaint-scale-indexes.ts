import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for national volume (500,000 complaints): indicators and trends read a territory's complaints
 * by filing or resolution time, officers' work lists by responsible akimat and status, and duplicate
 * handling looks complaints up by their original. (territory_code, created_at) serves what the
 * territory_code index did.
 */
export class ComplaintScaleIndexes20261204151400 implements MigrationInterface {
  name = 'ComplaintScaleIndexes20261204151400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX complaint_territory_created_idx ON complaint (territory_code, created_at) INCLUDE (status, due_on, resolved_at)`);
    await q.query(`CREATE INDEX complaint_territory_resolved_idx ON complaint (territory_code, resolved_at) INCLUDE (status, created_at) WHERE resolved_at IS NOT NULL`);
    await q.query(`DROP INDEX complaint_territory_code_idx`);
    await q.query(`CREATE INDEX complaint_responsible_status_idx ON complaint (responsible_territory_code, status)`);
    await q.query(`DROP INDEX complaint_responsible_territory_idx`);
    await q.query(`CREATE INDEX complaint_duplicate_of_idx ON complaint (duplicate_of_id) WHERE duplicate_of_id IS NOT NULL`);
    await q.query(`CREATE INDEX initiative_territory_status_idx ON initiative (territory_code, status)`);
    await q.query(`DROP INDEX initiative_territory_code_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX initiative_territory_code_idx ON initiative (territory_code)`);
    await q.query(`DROP INDEX initiative_territory_status_idx`);
    await q.query(`DROP INDEX complaint_duplicate_of_idx`);
    await q.query(`CREATE INDEX complaint_responsible_territory_idx ON complaint (responsible_territory_code)`);
    await q.query(`DROP INDEX complaint_responsible_status_idx`);
    await q.query(`CREATE INDEX complaint_territory_code_idx ON complaint (territory_code)`);
    await q.query(`DROP INDEX complaint_territory_resolved_idx`);
    await q.query(`DROP INDEX complaint_territory_created_idx`);
  }
}
