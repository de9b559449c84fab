import { setTimeout as sleep } from 'node:timers/promises';
import { createLogger } from '@rz/service-kit';
import { createTestDatabase, testEnv, type TestDatabase } from '@rz/test-support';
import { Client } from 'pg';
import { ChannelListener } from './channel-listener';

const CHANNEL = 'channel_listener_probe';

/** Waits until `done()` holds (notices arrive asynchronously); gives up after 10 s. */
async function until(done: () => boolean | Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 10_000; !(await done()) && Date.now() < deadline; ) await sleep(20);
}

describe('ChannelListener', () => {
  let database: TestDatabase;
  let writer: Client;
  let admin: Client;
  let listener: ChannelListener;
  let notices = 0;

  beforeAll(async () => {
    database = await createTestDatabase();
    writer = new Client({ connectionString: database.url });
    admin = new Client({ connectionString: testEnv().adminUrl });
    await Promise.all([writer.connect(), admin.connect()]);
    listener = new ChannelListener({ databaseUrl: database.url, channel: CHANNEL, logger: createLogger('test', 'silent'), onNotice: () => (notices += 1) });
  });
  afterAll(async () => {
    await listener?.stop();
    await Promise.all([writer?.end(), admin?.end()]);
    await database?.drop();
  });

  const backends = async (): Promise<number[]> =>
    (await admin.query(`SELECT pid FROM pg_stat_activity WHERE datname = $1 AND query LIKE 'LISTEN %'`, [database.name])).rows.map((r) => r.pid);

  it('calls back once on connecting and on every notice; after its connection is killed, ensure() listens again', async () => {
    await listener.ensure();
    expect(listener.listening).toBe(true);
    expect(notices).toBe(1);
    await writer.query(`SELECT pg_notify('${CHANNEL}', '')`);
    await until(() => notices === 2);
    expect(notices).toBe(2);

    // The server ends the LISTEN connection (a failover, an idle-session kill): the listener notices and drops it.
    const [pid] = await backends();
    await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    await until(() => !listener.listening);
    expect(listener.listening).toBe(false);

    await listener.ensure();
    expect(listener.listening).toBe(true);
    // Reconnecting calls back, for what committed while nobody listened; then notices flow again.
    expect(notices).toBe(3);
    await writer.query(`SELECT pg_notify('${CHANNEL}', '')`);
    await until(() => notices === 4);
    expect(notices).toBe(4);
    expect(await backends()).toHaveLength(1);
  });

  it('leaves no connection behind when stopped while still connecting', async () => {
    const racing = new ChannelListener({ databaseUrl: database.url, channel: `${CHANNEL}_race`, logger: createLogger('test', 'silent'), onNotice: () => undefined });
    const connecting = racing.ensure();
    await racing.stop();
    await connecting;
    expect(racing.listening).toBe(false);
    const left = async () =>
      (await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND query = $2`, [database.name, `LISTEN ${CHANNEL}_race`])).rows[0].n;
    await until(async () => (await left()) === 0);
    expect(await left()).toBe(0);
  });

  it('does nothing more once stopped', async () => {
    await listener.stop();
    await listener.ensure();
    expect(listener.listening).toBe(false);
  });
});
