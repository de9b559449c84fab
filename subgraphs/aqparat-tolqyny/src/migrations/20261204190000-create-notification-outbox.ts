import { createNotificationOutbox, dropNotificationOutbox } from '@rz/subgraph-runtime';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Notifications to district officers (media plan returned) and to whoever nominated a face, written with the change. */
export class CreateNotificationOutbox20261204190000 implements MigrationInterface {
  name = 'CreateNotificationOutbox20261204190000';

  async up(q: QueryRunner): Promise<void> {
    await createNotificationOutbox(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropNotificationOutbox(q);
  }
}
