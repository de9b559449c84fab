import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { NOTIFICATION_INTAKE_MAX_EVENTS, NOTIFICATION_INTAKE_PATH, signEvidenceId, type NotificationEvent } from '@rz/contract';
import { createClient } from 'graphql-ws';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import WebSocket from 'ws';
import { signDevToken } from '../auth/dev-keys';
import { freePort } from '../dev/free-port';
import { startBenchSystem } from './bench-system';

/**
 * `npm run bench:notifications -- --mails 2000 --rounds 3 --changes 500`
 * 1. Mails per second through the durable queue: M notifications for M people with consented
 *    addresses go in through the intake (batches of 200), and the sender delivers them over SMTP
 *    to a server in this process; timed from the first intake request to the M-th accepted mail.
 * 2. Outbox-to-inbox delay: an officer changes the status of complaints C times through the
 *    gateway; each change writes atameken's outbox in its transaction, the relay delivers it, the
 *    intake commits the inbox row. Delay = inbox row's created_at - the change's occurredAt (one
 *    PostgreSQL clock), and to the author's live subscriber (receipt - occurredAt).
 * Figures, not assertions: machines are noisy. Run under `flock /tmp/bench.lock`.
 */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { mails: { type: 'string', default: '2000' }, rounds: { type: 'string', default: '3' }, changes: { type: 'string', default: '500' } } });
  const M = Number(values.mails);
  const rounds = Number(values.rounds);
  const C = Number(values.changes);

  // The SMTP server: accepts everything, counts.
  let accepted = 0;
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        accepted += 1;
        callback();
      });
    },
  });
  smtp.on('error', () => undefined);
  const smtpPort = await freePort();
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));

  const bench = await startBenchSystem({ subgraphEnv: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, MAIL_POLL_MS: '200', MAIL_BATCH_SIZE: '100' } });
  const { keys, databases, system } = bench;
  const inbox = new Client({ connectionString: databases.find((d) => d.name === 'notifications')!.url });
  await inbox.connect();
  const intake = `http://127.0.0.1:${system.subgraphPorts.notifications}${NOTIFICATION_INTAKE_PATH}`;
  const rates: number[] = [];
  const delays: { inbox: number[]; live: number[] } = { inbox: [], live: [] };
  try {
    // 1. Mails per second.
    for (let round = 0; round < rounds; round += 1) {
      await inbox.query(
        `INSERT INTO notification_profile (subject, email, email_consent_at, language)
         SELECT 'bench-' || $1::int || '-' || i, 'bench-' || i || '@example.kz', now(), 'kk' FROM generate_series(1, $2::int) AS i`,
        [round, M],
      );
      const before = accepted;
      const started = performance.now();
      for (let from = 0; from < M; from += NOTIFICATION_INTAKE_MAX_EVENTS) {
        const events: NotificationEvent[] = Array.from({ length: Math.min(NOTIFICATION_INTAKE_MAX_EVENTS, M - from) }, (_, k) => ({
          dedupeKey: `bench:${round}:${from + k}`,
          recipientSubject: `bench-${round}-${from + k + 1}`,
          kind: 'COMPLAINT_STATUS_CHANGED',
          about: { type: 'Complaint', id: `01900000-0000-7000-8000-${String(from + k).padStart(12, '0')}` },
          params: { complaintId: `01900000-0000-7000-8000-${String(from + k).padStart(12, '0')}`, topic: 'ROADS', fromStatus: 'ACCEPTED', toStatus: 'IN_PROGRESS', territoryCode: '750000000' },
          language: null,
          occurredAt: new Date().toISOString(),
        }));
        const res = await fetch(intake, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ source: 'atameken', events }) });
        if (res.status !== 200) throw new Error(`intake answered ${res.status}: ${await res.text()}`);
      }
      for (const deadline = Date.now() + 600_000; accepted - before < M && Date.now() < deadline; ) await sleep(5);
      const seconds = (performance.now() - started) / 1000;
      if (accepted - before < M) throw new Error(`only ${accepted - before} of ${M} mails arrived`);
      rates.push(M / seconds);
      process.stdout.write(`round ${round + 1}: ${M} mails in ${seconds.toFixed(2)} s = ${(M / seconds).toFixed(0)} mails/s\n`);
    }

    // 2. Outbox-to-inbox delay.
    const author = await signDevToken(keys, { roles: ['citizen'], subject: 'bench-author' });
    const officer = await signDevToken(keys, { roles: ['akimat_officer'], territory: '750000000', subject: 'bench-officer' });
    const call = async (token: string, query: string, variables: Record<string, unknown>) => {
      const res = await fetch(system.gatewayUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
      const body = (await res.json()) as { data?: any; errors?: unknown };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const live = createClient({ url: system.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${author}` } });
    let received = 0;
    live.subscribe(
      { query: 'subscription { notificationAdded { id occurredAt } }' },
      {
        next: (result) => {
          const n = (result.data as { notificationAdded: { occurredAt: string } } | undefined)?.notificationAdded;
          if (n) {
            delays.live.push(Date.now() - Date.parse(n.occurredAt));
            received += 1;
          }
        },
        error: (error) => process.stderr.write(`live feed: ${JSON.stringify(error)}\n`),
        complete: () => undefined,
      },
    );
    await sleep(1_000);
    const complaints = Math.ceil(C / 2);
    const ids: string[] = [];
    for (let i = 0; i < complaints; i += 1) {
      const evidence = [signEvidenceId(keys.evidenceSecret, createHash('sha256').update(`bench-notify-${i}`).digest('hex'), 'photo')];
      const data = await call(author, 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }', {
        input: { topic: 'ROADS', text: `Нагрузочный тест уведомлений: обращение ${i}`, territory: '751710000', evidence },
      });
      ids.push(data.fileComplaint.complaint.id);
    }
    const [{ before }] = (await inbox.query(`SELECT count(*)::int AS before FROM notification WHERE recipient_subject = 'bench-author'`)).rows;
    const change = 'mutation($id: ID!, $to: ComplaintStatus!) { changeComplaintStatus(id: $id, to: $to) { status } }';
    let changes = 0;
    for (const to of ['ACCEPTED', 'IN_PROGRESS']) {
      for (const id of ids) {
        if (changes === C) break;
        await call(officer, change, { id, to });
        changes += 1;
      }
    }
    const expected = before + changes;
    for (const deadline = Date.now() + 120_000; Date.now() < deadline; await sleep(100)) {
      const { rows } = await inbox.query(`SELECT count(*)::int AS n FROM notification WHERE recipient_subject = 'bench-author'`);
      if (rows[0].n >= expected && received >= changes) break;
    }
    const { rows } = await inbox.query(
      `SELECT extract(epoch FROM created_at - occurred_at) * 1000 AS ms FROM notification
       WHERE recipient_subject = 'bench-author' AND kind = 'COMPLAINT_STATUS_CHANGED' ORDER BY id DESC LIMIT $1`,
      [changes],
    );
    delays.inbox = rows.map((r) => Number(r.ms));
    await live.dispose();
  } finally {
    await inbox.end();
    await bench.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
  const sortedInbox = [...delays.inbox].sort((a, b) => a - b);
  const sortedLive = [...delays.live].sort((a, b) => a - b);
  process.stdout.write(`\n| measure | value |\n| --- | --- |\n`);
  process.stdout.write(`| mails per second (median of ${rounds} rounds of ${M}) | ${median(rates).toFixed(0)} |\n`);
  process.stdout.write(`| outbox-to-inbox p50 / p99 ms (${delays.inbox.length} changes) | ${percentile(sortedInbox, 50)?.toFixed(0)} / ${percentile(sortedInbox, 99)?.toFixed(0)} |\n`);
  process.stdout.write(`| outbox-to-live-subscriber p50 / p99 ms (${delays.live.length} received) | ${percentile(sortedLive, 50)?.toFixed(0)} / ${percentile(sortedLive, 99)?.toFixed(0)} |\n`);
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
