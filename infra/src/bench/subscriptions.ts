import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { signEvidenceId } from '@rz/contract';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { ensureDevKeys, signDevToken } from '../auth/dev-keys';
import { launchSystem } from '../dev/system';
import { startEmbeddedPostgres } from '../postgres/embedded-postgres';
import { provisionDatabase } from '../postgres/provision';
import { freePort, freeSubgraphPorts } from '../dev/free-port';

/**
 * `npm run bench:subscriptions -- --clients 1000,10000 --changes 200 --rate 20`
 * C graphql-ws clients on one gateway watch Almaty; K complaints change status.
 * Reports delivery latency from commit (the event's `at`) to receipt, losses, and
 * the gateway's memory and CPU. Figures, not assertions: machines are noisy.
 */
const SUBSCRIPTION = `subscription { complaintStatusChanged(territory: "750000000") {
  cursor to at complaint { id status territory { name(lang: EN) } monument { name(lang: EN) } }
} }`;

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function processStats(pid: number): { rssMb: number; cpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return { rssMb: rssKb / 1024, cpuSeconds: ticks / 100 };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1000,10000' },
      changes: { type: 'string', default: '200' },
      rate: { type: 'string', default: '20' },
    },
  });
  const clientCounts = values.clients.split(',').map(Number);
  const K = Number(values.changes);
  const rate = Number(values.rate);

  const work = mkdtempSync(join(tmpdir(), 'rz-bench-'));
  chmodSync(work, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: await freePort(), persistent: false });
  const keys = await ensureDevKeys(join(work, 'keys'));
  const databases = await provisionDatabase(postgres.adminUrl, 'rz_bench');
  const subgraphPorts = await freeSubgraphPorts();
  const system = await launchSystem({
    databases,
    jwksFile: keys.jwksFile,
    evidenceSecret: keys.evidenceSecret,
    gatewayPort: await freePort(),
    subgraphPorts,
    seedDemo: true,
    nodeEnv: 'test',
    logLevel: 'warn',
    // One bench citizen files every change: the per-subject rate limit would refuse them.
    gatewayEnv: { SUBSCRIPTION_MAX_BUFFERED_EVENTS: '10000', RATE_LIMIT_ENABLED: 'false' },
  });
  const gatewayPid = system.services.get('gateway')!.child.pid!;
  const citizen = await signDevToken(keys, { roles: ['citizen'], subject: 'bench-citizen' });
  const file = async (i: number) => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${citizen}` },
      body: JSON.stringify({
        query: 'mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }',
        variables: {
          input: {
            topic: 'PUBLIC_AMENITIES',
            text: `Нагрузочный тест: обращение номер ${i}`,
            territory: '751710000',
            evidence: [signEvidenceId(keys.evidenceSecret, createHash('sha256').update(`bench-${i}`).digest('hex'), 'photo')],
          },
        },
      }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };

  const report: Record<string, unknown>[] = [];
  try {
    for (const C of clientCounts) {
      const latencies = new Float64Array(C * K);
      let received = 0;
      const clients: Client[] = [];
      let acknowledged = 0;
      for (let c = 0; c < C; c += 1) {
        const client = createClient({ url: system.gatewayUrl.replace(/^http/, 'ws'), webSocketImpl: WebSocket, lazy: false, retryAttempts: 0 });
        clients.push(client);
        client.subscribe(
          { query: SUBSCRIPTION },
          {
            next: (result) => {
              const at = Date.parse((result.data as { complaintStatusChanged: { at: string } }).complaintStatusChanged.at);
              latencies[received++] = Date.now() - at;
            },
            error: () => undefined,
            complete: () => undefined,
          },
        );
        client.on('connected', () => (acknowledged += 1));
        if (c % 500 === 499) await sleep(50); // let the gateway accept in batches
      }
      while (acknowledged < C) await sleep(100);
      await sleep(1_000);
      const before = processStats(gatewayPid);
      const started = Date.now();
      for (let i = 0; i < K; i += 1) {
        const due = started + (i * 1000) / rate;
        if (due > Date.now()) await sleep(due - Date.now());
        await file(i);
      }
      const quietDeadline = Date.now() + 60_000;
      let last = -1;
      while (received < C * K && Date.now() < quietDeadline) {
        await sleep(500);
        if (received === last) break;
        last = received;
      }
      const elapsed = (Date.now() - started) / 1000;
      const after = processStats(gatewayPid);
      const sorted = latencies.slice(0, received).sort();
      const row = {
        clients: C,
        changes: K,
        ratePerSecond: rate,
        delivered: received,
        lost: C * K - received,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
        gatewayRssMb: Math.round(after.rssMb),
        gatewayCpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100),
      };
      report.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
      await Promise.all(clients.map((c) => c.dispose()));
      await sleep(2_000);
    }
  } finally {
    await system.stop();
    await postgres.stop();
    rmSync(work, { recursive: true, force: true });
  }
  process.stdout.write('\nclients  changes  delivered  lost  p50 ms  p95 ms  p99 ms  gateway RSS MB  gateway CPU %\n');
  for (const r of report) {
    process.stdout.write(
      `${String(r.clients).padStart(7)}  ${String(r.changes).padStart(7)}  ${String(r.delivered).padStart(9)}  ${String(r.lost).padStart(4)}  ${String(r.p50Ms).padStart(6)}  ${String(r.p95Ms).padStart(6)}  ${String(r.p99Ms).padStart(6)}  ${String(r.gatewayRssMb).padStart(14)}  ${String(r.gatewayCpuPercent).padStart(13)}\n`,
    );
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
