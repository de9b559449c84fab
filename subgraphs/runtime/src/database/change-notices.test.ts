import { once } from 'node:events';
import { subgraphDbSchema } from '@rz/contract';
import { createTestDatabase, type TestDatabase } from '@rz/test-support';
import { Client, type Notification } from 'pg';
import { CHANGE_CHANNEL, installChangeNotices } from './change-notices';

/** Change notices, as the gateway's response cache receives them: one per table and commit, none for a rollback. */
describe('change notices', () => {
  let database: TestDatabase;
  let writer: Client;
  let listener: Client;
  const notices: string[] = [];
  const schema = subgraphDbSchema('rukhani-qazyna');

  beforeAll(async () => {
    database = await createTestDatabase();
    const url = database.subgraphs.find((s) => s.schema === schema)!.url;
    writer = new Client({ connectionString: url, options: `-c search_path=${schema}` });
    listener = new Client({ connectionString: url });
    await Promise.all([writer.connect(), listener.connect()]);
    await writer.query('CREATE TABLE notice_probe (id int PRIMARY KEY, note text)');
    // TypeORM's query() answers rows; pg's answers a result.
    const runner = { query: async (sql: string, params?: unknown[]) => (await writer.query(sql, params)).rows };
    await installChangeNotices(runner, schema);
    await installChangeNotices(runner, schema); // idempotent: a restart installs again
    listener.on('notification', (n: Notification) => notices.push(n.payload ?? ''));
    await listener.query(`LISTEN ${CHANGE_CHANNEL}`);
  });
  afterAll(async () => {
    await Promise.all([writer?.end(), listener?.end()]);
    await database?.drop();
  });

  it('announces a committed transaction once per table, at commit, and never a rolled-back one', async () => {
    await writer.query('BEGIN');
    await writer.query("INSERT INTO notice_probe VALUES (1, 'a'), (2, 'b')");
    await writer.query("UPDATE notice_probe SET note = 'c' WHERE id = 1");
    await writer.query('ROLLBACK');
    await writer.query('BEGIN');
    await writer.query("INSERT INTO notice_probe VALUES (3, 'a')");
    await writer.query("UPDATE notice_probe SET note = 'b' WHERE id = 3");
    expect(notices).toEqual([]);
    const delivered = once(listener, 'notification');
    await writer.query('COMMIT');
    await delivered;
    // A marker notice sent after: whatever arrived before it is all the commit sent.
    const marker = once(listener, 'notification');
    await writer.query(`SELECT pg_notify('${CHANGE_CHANNEL}', 'marker')`);
    await marker;
    expect(notices).toEqual([`${schema}:notice_probe`, 'marker']);
  });
});
