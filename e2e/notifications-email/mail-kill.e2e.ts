import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { NOTIFICATION_INTAKE_PATH, type NotificationEvent } from '@rz/contract';
import { freePort } from '@rz/infra';
import { createTestDatabase, startTestSmtpServer, testEnv, type TestDatabase, type TestSmtpServer } from '@rz/test-support';
import { Client } from 'pg';

/**
 * The built notifications subgraph is killed (SIGKILL) in the middle of a batch of 200 mails, at a
 * moment when the SMTP server has accepted 60 and is being offered the 61st; after a restart every
 * mail has arrived exactly once (by Message-ID and by count), and nothing personal was logged.
 */
const ROOT = join(__dirname, '..', '..');
const MAILS = 200;
const KILL_AT = 60;

interface Service {
  child: ChildProcess;
  base: string;
  exited: Promise<unknown>;
}

let output = '';
async function launch(env: Record<string, string>): Promise<Service> {
  const port = await freePort();
  const { PATH, HOME } = process.env;
  const child = spawn(process.execPath, [join(ROOT, 'subgraphs/notifications/dist/main.js')], {
    env: { PATH, HOME, HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', AUTH_JWKS_FILE: testEnv().jwksFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 150_000; Date.now() < deadline && child.exitCode === null; await sleep(100)) {
    if ((await fetch(`${base}/ready`).catch(() => null))?.ok) return { child, base, exited };
  }
  child.kill('SIGKILL');
  throw new Error(`the notifications subgraph did not get ready:\n${output}`);
}

describe('mail sender killed mid-batch', () => {
  let database: TestDatabase;
  let smtp: TestSmtpServer;
  let db: Client;
  let service: Service | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    smtp = await startTestSmtpServer();
    const url = database.subgraphs.find((s) => s.schema === 'notifications')!.url;
    env = { DATABASE_URL: url, SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://rz.example.kz', MAIL_POLL_MS: '100', MAIL_BATCH_SIZE: '50' };
    service = await launch(env);
    db = new Client({ connectionString: url });
    await db.connect();
  }, 180_000);
  afterAll(async () => {
    service?.child.kill('SIGKILL');
    await db?.end();
    await smtp?.close();
    await database?.drop();
  });

  it('delivers every mail exactly once after a restart', async () => {
    await db.query(
      `INSERT INTO notification_profile (subject, email, email_consent_at, language)
       SELECT 'kill-' || i, 'kill-' || i || '@example.kz', now(), 'ru' FROM generate_series(1, ${MAILS}) AS i`,
    );
    let killed = false;
    smtp.onRecipient = (_address, index) => {
      if (index < KILL_AT) return 'accept';
      // The 61st recipient is never answered: the server has not accepted that mail when the process dies.
      if (!killed) service!.child.kill('SIGKILL');
      killed = true;
      return 'hang';
    };
    const events: NotificationEvent[] = Array.from({ length: MAILS }, (_, i) => ({
      dedupeKey: `kill:${i}`,
      recipientSubject: `kill-${i + 1}`,
      kind: 'COMPLAINT_STATUS_CHANGED',
      about: { type: 'Complaint', id: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}` },
      params: { complaintId: `01900000-0000-7000-8000-${String(i).padStart(12, '0')}`, topic: 'ROADS', fromStatus: 'SUBMITTED', toStatus: 'RESOLVED', territoryCode: '750000000' },
      language: null,
      occurredAt: new Date().toISOString(),
    }));
    const res = await fetch(`${service!.base}${NOTIFICATION_INTAKE_PATH}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: 'atameken', events }) });
    expect(res.status).toBe(200);

    await service!.exited;
    expect(killed).toBe(true);
    expect(smtp.accepted).toHaveLength(KILL_AT);
    // Killed mid-batch: the rest of the claimed batch was left SENDING.
    const [{ sending }] = (await db.query(`SELECT count(*)::int AS sending FROM mail_delivery WHERE status = 'SENDING'`)).rows;
    expect(sending).toBeGreaterThan(1);

    smtp.onRecipient = () => 'accept';
    service = await launch(env);
    const mails = await smtp.waitForMessages(MAILS, 120_000);
    for (let i = 0; i < 100; i += 1) {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM mail_delivery WHERE status <> 'SENT'`);
      if (rows[0].n === 0) break;
      await sleep(100);
    }
    const { rows } = await db.query(`SELECT id, status FROM mail_delivery`);
    expect(rows).toHaveLength(MAILS);
    expect(rows.every((r) => r.status === 'SENT')).toBe(true);
    // A second look after the queue is empty: nothing more came.
    expect(smtp.accepted).toHaveLength(MAILS);
    const ids = mails.map((m) => /^<([0-9a-f-]{36})@rz\.example\.kz>$/.exec(m.messageId ?? '')?.[1]);
    expect(new Set(ids).size).toBe(MAILS);
    expect([...ids].sort()).toEqual(rows.map((r) => r.id).sort());
    const recipients = mails.map((m) => (Array.isArray(m.to) ? m.to[0] : m.to)!.value[0].address);
    expect(new Set(recipients).size).toBe(MAILS);
    expect(mails[0].subject).toBe('Ваше обращение: решено');

    // The logs of both runs name no address and no text.
    expect(output).toContain('this replica sends the mail queue');
    expect(output).not.toMatch(/@example\.kz|обращение/);
  }, 240_000);
});
