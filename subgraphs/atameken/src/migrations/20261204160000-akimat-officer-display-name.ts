import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AkimatOfficerDisplayName20261204160000 implements MigrationInterface {
  name = 'AkimatOfficerDisplayName20261204160000';

  async up(q: QueryRunner): Promise<void> {
    // How staff see the official in a complaint's history; never published.
    await q.query(`ALTER TABLE akimat_officer ADD COLUMN display_name text CHECK (length(trim(display_name)) BETWEEN 1 AND 200)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE akimat_officer DROP COLUMN display_name`);
  }
}
