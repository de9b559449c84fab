import { createIdempotencyKeyTable, dropIdempotencyKeyTable } from '@rz/subgraph-runtime';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Keys of idempotent writes (complaints, volunteer help): a retry with the same key returns the first result. */
export class CreateIdempotencyKey20261204140000 implements MigrationInterface {
  name = 'CreateIdempotencyKey20261204140000';

  async up(q: QueryRunner): Promise<void> {
    await createIdempotencyKeyTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropIdempotencyKeyTable(q);
  }
}
