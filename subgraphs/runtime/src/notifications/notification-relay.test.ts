import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NOTIFICATION_INTAKE_PATH, subgraphDbSchema, type NotificationIntakeBatch } from '@rz/contract';
import { createLogger } from '@rz/service-kit';
import { createTestDatabase, type TestDatabase } from '@rz/test-support';
import type { DataSource } from 'typeorm';
import { createSubgraphDataSource } from '../database/data-source';
import { createNotificationOutbox, enqueueNotification, type NotificationToSend } from './notification-outbox';
import { NotificationRelay } from './notification-relay';

type Behaviour = 'accept' | 'fail' | 'accept-then-drop';

/** A real HTTP intake that records what it receives; it can refuse, or keep a batch and lose the answer. */
class RecordingIntake {
  readonly batches: NotificationIntakeBatch[] = [];
  readonly secrets: (string | undefined)[] = [];
  behaviour: Behaviour = 'accept';
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        if (req.url !== NOTIFICATION_INTAKE_PATH || req.method !== 'POST') return void res.writeHead(404).end();
        if (this.behaviour === 'fail') return void res.writeHead(503).end('{"code":"SUBGRAPH_UNAVAILABLE"}');
        this.batches.push(JSON.parse(body));
        this.secrets.push(req.headers['x-gateway-secret'] as string | undefined);
        if (this.behaviour === 'accept-then-drop') {
          this.behaviour = 'accept';
          return void req.socket.destroy();
        }
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":1}');
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  keys(): string[] {
    return this.batches.flatMap((batch) => batch.events.map((event) => event.dedupeKey));
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

const notification = (key: string): NotificationToSend => ({
  dedupeKey: key,
  recipientSubject: 'citizen-1',
  kind: 'COMPLAINT_STATUS_CHANGED',
  about: { type: 'Complaint', id: '00000000-0000-4000-8000-000000000001' },
  params: { to: 'ACCEPTED' },
  language: 'kk',
});

describe('notification outbox and relay', () => {
  let database: TestDatabase;
  let db: DataSource;
  let url: string;
  let intake: RecordingIntake;
  let intakeUrl: string;
  const relays: NotificationRelay[] = [];
  const logger = createLogger('atameken', 'silent');

  const relay = async (sharedSecret?: string) => {
    const created = new NotificationRelay({
      source: 'atameken',
      db,
      databaseUrl: url,
      notificationsUrl: intakeUrl,
      sharedSecret,
      logger,
      pollMs: 60_000, // only LISTEN and flush() wake it here
      timeoutMs: 2_000,
      retentionDays: 7,
    });
    relays.push(created);
    await created.start();
    return created;
  };
  const pending = async () => Number((await db.query(`SELECT count(*) AS n FROM notification_outbox WHERE delivered_at IS NULL`))[0].n);

  beforeAll(async () => {
    database = await createTestDatabase();
    const schema = subgraphDbSchema('atameken');
    url = database.subgraphs.find((s) => s.schema === schema)!.url;
    db = createSubgraphDataSource({ url, schema, entities: [], migrations: [], logger });
    await db.initialize();
    const runner = db.createQueryRunner();
    await createNotificationOutbox(runner);
    await runner.release();
    intake = new RecordingIntake();
    intakeUrl = await intake.start();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await db.query('TRUNCATE notification_outbox');
    intake.batches.length = 0;
    intake.secrets.length = 0;
    intake.behaviour = 'accept';
  });
  afterAll(async () => {
    await intake?.stop();
    await db?.destroy();
    await database?.drop();
  });

  it('sends what committed, in commit order and with the shared secret, and never what rolled back', async () => {
    const relayed = await relay('s3cret');
    await db.transaction((tx) => enqueueNotification(tx, notification('a')));
    await db.transaction(async (tx) => {
      await enqueueNotification(tx, notification('b'));
      await enqueueNotification(tx, notification('c'));
    });
    await db
      .transaction(async (tx) => {
        await enqueueNotification(tx, notification('rolled-back'));
        throw new Error('the change failed');
      })
      .catch(() => undefined);
    await relayed.flush();
    expect(intake.keys()).toEqual(['a', 'b', 'c']);
    expect(intake.batches.every((batch) => batch.source === 'atameken')).toBe(true);
    expect(intake.secrets.every((secret) => secret === 's3cret')).toBe(true);
    expect(intake.batches[0].events[0]).toMatchObject({ recipientSubject: 'citizen-1', kind: 'COMPLAINT_STATUS_CHANGED', language: 'kk' });
    expect(await pending()).toBe(0);
  });

  it('keeps one row per dedupe key: the same thing happening twice is sent once', async () => {
    await db.transaction((tx) => enqueueNotification(tx, notification('twice')));
    await db.transaction((tx) => enqueueNotification(tx, notification('twice')));
    const relayed = await relay();
    await relayed.flush();
    expect(intake.keys()).toEqual(['twice']);
  });

  it('is woken by the commit itself, without polling', async () => {
    await relay();
    await db.transaction((tx) => enqueueNotification(tx, notification('woken')));
    // pollMs is a minute: only LISTEN/NOTIFY can deliver it before the test's timeout.
    while (intake.keys().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(intake.keys()).toEqual(['woken']);
  });

  it('keeps rows while the intake refuses, and sends them once it accepts', async () => {
    intake.behaviour = 'fail';
    await db.transaction((tx) => enqueueNotification(tx, notification('later')));
    const relayed = await relay();
    await relayed.flush();
    expect(intake.keys()).toEqual([]);
    expect(await pending()).toBe(1);
    intake.behaviour = 'accept';
    await relayed.flush();
    expect(intake.keys()).toEqual(['later']);
    expect(await pending()).toBe(0);
  });

  it('sends a batch again when the answer was lost after the intake kept it (the intake dedupes)', async () => {
    intake.behaviour = 'accept-then-drop';
    await db.transaction((tx) => enqueueNotification(tx, notification('lost-answer')));
    const relayed = await relay();
    await relayed.flush();
    expect(await pending()).toBe(1);
    await relayed.flush();
    expect(intake.keys()).toEqual(['lost-answer', 'lost-answer']);
    expect(await pending()).toBe(0);
  });

  it('lets one replica send at a time: two relays deliver 300 notifications once each', async () => {
    const [first, second] = [await relay(), await relay()];
    for (let start = 0; start < 300; start += 50) {
      await db.transaction(async (tx) => {
        for (let i = start; i < start + 50; i++) await enqueueNotification(tx, notification(`n${i}`));
      });
    }
    while ((await pending()) > 0) {
      await Promise.all([first.flush(), second.flush()]);
    }
    const keys = intake.keys();
    expect(keys).toHaveLength(300);
    expect(new Set(keys).size).toBe(300);
    expect(keys).toEqual([...keys].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))));
  });
});
