import { subgraphDbSchema, type NotificationEvent } from '@rz/contract';
import { createLogger } from '@rz/service-kit';
import { createTestDatabase, type TestDatabase } from '@rz/test-support';
import type { DataSource } from 'typeorm';
import { createSubgraphDataSource } from '../database/data-source';
import { createNotificationOutbox, enqueueNotifications, type NotificationToSend } from './notification-outbox';

let database: TestDatabase;
let db: DataSource;
beforeAll(async () => {
  database = await createTestDatabase();
  const schema = subgraphDbSchema('atameken');
  db = createSubgraphDataSource({ url: database.subgraphs.find((s) => s.schema === schema)!.url, schema, entities: [], migrations: [], logger: createLogger('atameken', 'silent') });
  await db.initialize();
  const runner = db.createQueryRunner();
  await createNotificationOutbox(runner);
  await runner.release();
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

const notification = (key: string): NotificationToSend => ({
  dedupeKey: key,
  recipientSubject: `officer-${key}`,
  kind: 'COMPLAINT_OVERDUE',
  about: { type: 'Complaint', id: '00000000-0000-4000-8000-000000000001' },
  params: { daysOverdue: 3 },
  language: null,
  occurredAt: new Date('2026-12-08T05:00:00Z'),
});

it('enqueues many in their order, past the chunk size, each dedupe key once, only when the transaction commits', async () => {
  const keys = Array.from({ length: 2_345 }, (_, i) => `k${String(i).padStart(5, '0')}`);
  await expect(
    db.transaction(async (manager) => {
      await enqueueNotifications(manager, keys.map(notification));
      throw new Error('rolled back');
    }),
  ).rejects.toThrow('rolled back');
  expect(await db.query(`SELECT count(*)::int AS n FROM notification_outbox`)).toEqual([{ n: 0 }]);

  // A key twice in one call, and one already in the outbox from an earlier call, are kept once.
  await db.transaction((manager) => enqueueNotifications(manager, [notification('k00007')]));
  await db.transaction((manager) => enqueueNotifications(manager, [...keys, 'k00001'].map(notification)));
  const rows: { dedupe_key: string; event: NotificationEvent }[] = await db.query(`SELECT dedupe_key, event FROM notification_outbox ORDER BY id`);
  expect(rows.map((r) => r.dedupe_key)).toEqual(['k00007', ...keys.filter((k) => k !== 'k00007')]);
  expect(rows[1].event).toEqual({ ...notification('k00000'), occurredAt: '2026-12-08T05:00:00.000Z' });
});
