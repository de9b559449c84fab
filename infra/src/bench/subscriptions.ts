import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { signEvidenceId } from '@rz/contract';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { signDevToken } from '../auth/dev-keys';
import { gatewayProfileEnv, startBenchSystem } from './bench-system';

/**
 * `npm run bench:subscriptions -- --clients 1000,10000 --changes 100 --rate 5`
 * C graphql-ws clients (in `--client-threads` worker threads) on one gateway watch Almaty; K complaints
 * are filed at `rate` per second.
 * The gateway runs with its production limits (rate limits on, default buffers): each client
 * connects from its own address in 127.0.0.0/8, and changes are filed by many citizens.
 * Reports, per client and summed, events lost, duplicated and out of order; latency from commit
 * (the event's `at`) to receipt; the gateway's memory and CPU, this process's CPU (if it is
 * near 100 % per client thread, the clients, not the gateway, are the limit) and the whole machine's. Figures, not assertions: machines are noisy.
 */
const SUBSCRIPTION = `subscription { complaintStatusChanged(territory: "750000000") {
  cursor to at complaint { id status territory { name(lang: EN) } monument { name(lang: EN) } }
} }`;

/** Client `c`'s own loopback address: 127.0.0.0/8 without 127.0.0.0/16, one address per client. */
function addressOf(c: number): string {
  return `127.${1 + ((c >> 16) & 0xff)}.${(c >> 8) & 0xff}.${(c & 0xff) || 1}`;
}

/** A WebSocket that connects from a given local address (graphql-ws takes a constructor). */
function webSocketFrom(localAddress: string): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { localAddress });
    }
  } as typeof WebSocket;
}

/** Lost, duplicated and out-of-order events of one client, by the order the complaints were filed. */
function check(received: string[], indexOf: Map<string, number>, K: number): { lost: number; duplicated: number; outOfOrder: number } {
  const seen = new Uint8Array(K);
  let duplicated = 0;
  let outOfOrder = 0;
  let last = -1;
  for (const id of received) {
    const i = indexOf.get(id);
    if (i === undefined) continue;
    if (seen[i]) duplicated += 1;
    seen[i] = 1;
    if (i < last) outOfOrder += 1;
    last = Math.max(last, i);
  }
  return { lost: K - seen.reduce((n, v) => n + v, 0), duplicated, outOfOrder };
}

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

/** CPU time the whole machine has spent busy and in all, in clock ticks (every core, every process, the kernel's too). */
function machineTicks(): { busy: number; total: number } {
  const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const ticks = fields.map(Number);
  const total = ticks.reduce((n, t) => n + t, 0);
  // idle and iowait
  return { busy: total - ticks[3] - ticks[4], total };
}

/** The machine's count of connection attempts dropped because a listening socket's accept queue was full (all processes). */
function listenOverflows(): number {
  const [names, values] = readFileSync('/proc/net/netstat', 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('TcpExt:'))
    .map((line) => line.split(/\s+/));
  return Number(values?.[names?.indexOf('ListenOverflows') ?? -1] ?? 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      clients: { type: 'string', default: '1000,10000' },
      changes: { type: 'string', default: '100' },
      rate: { type: 'string', default: '5' },
      // A folder for the gateway's CPU profile (node --cpu-prof), written when it stops.
      profile: { type: 'string' },
      // Threads the clients run in: one would be saturated by 10,000 clients' messages and hold up the filings it also makes.
      'client-threads': { type: 'string', default: '2' },
    },
  });
  const clientCounts = values.clients.split(',').map(Number);
  const K = Number(values.changes);
  const rate = Number(values.rate);
  const threads = Number(values['client-threads']);

  // Production limits: nothing here loosens them.
  const bench = await startBenchSystem({ gatewayEnv: values.profile ? gatewayProfileEnv(values.profile) : undefined });
  const { keys, system } = bench;
  const gatewayPid = system.services.get('gateway')!.child.pid!;
  // Many citizens file, a few complaints each, as in life (one subject's request budget is not the point here).
  const citizens = await Promise.all(Array.from({ length: Math.ceil(K / 5) }, (_, i) => signDevToken(keys, { roles: ['citizen'], subject: `bench-citizen-${i}` })));
  const file = async (i: number, attempt = 0): Promise<string> => {
    const response = await fetch(system.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${citizens[Math.floor(i / 5)]}` },
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
    }).catch(async (error: Error & { cause?: unknown }) => {
      // Say why (the cause), and try once more as a client would; a second filing only adds events nobody counts.
      process.stderr.write(`filing ${i} failed: ${String(error.cause ?? error)}\n`);
      if (attempt > 0) throw error;
      await sleep(1_000);
      return null;
    });
    if (!response) return file(i, attempt + 1);
    const body = (await response.json()) as { errors?: unknown; data?: { fileComplaint: { complaint: { id: string } } } };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data!.fileComplaint.complaint.id;
  };

  const report: Record<string, unknown>[] = [];
  try {
    for (const C of clientCounts) {
      const overflowsBefore = listenOverflows();
      const connectStarted = Date.now();
      const crowd = startCrowd(system.gatewayUrl, C, K, threads);
      // How long the whole crowd takes to get in under the production limits (a reconnect storm).
      const connectDeadline = Date.now() + 120_000;
      while (crowd.acknowledged() < C && Date.now() < connectDeadline) await sleep(100);
      const connectSeconds = Math.round((Date.now() - connectStarted) / 100) / 10;
      // Handshakes the kernel dropped while the crowd got in (retried by the clients' TCP after 1 s, 3 s, ...).
      const connectListenOverflows = listenOverflows() - overflowsBefore;
      await sleep(1_000);
      const before = processStats(gatewayPid);
      const benchBefore = process.cpuUsage();
      const machineBefore = machineTicks();
      const started = Date.now();
      const indexOf = new Map<string, number>();
      for (let i = 0; i < K; i += 1) {
        const due = started + (i * 1000) / rate;
        if (due > Date.now()) await sleep(due - Date.now());
        indexOf.set(await file(i), i);
      }
      // Filings go through the same gateway: when it is slow they fall behind `rate`, and this says by how much.
      const filingSeconds = (Date.now() - started) / 1000;
      const quietDeadline = Date.now() + 60_000;
      // Done when all arrived, or nothing more for 5 s (the threads report every 200 ms, when they get to it).
      let last = -1;
      let quietSince = Date.now();
      while (crowd.received() < C * K && Date.now() < quietDeadline && Date.now() - quietSince < 5_000) {
        await sleep(200);
        if (crowd.received() !== last) quietSince = Date.now();
        last = crowd.received();
      }
      const elapsed = (Date.now() - started) / 1000;
      const after = processStats(gatewayPid);
      const benchCpu = process.cpuUsage(benchBefore);
      const machineAfter = machineTicks();
      const { latencies, receivedBy, errors, acknowledged, received } = await crowd.finish();
      const sorted = latencies.sort();
      const tally = receivedBy.map((ids) => check(ids, indexOf, K));
      const sum = (key: 'lost' | 'duplicated' | 'outOfOrder') => tally.reduce((n, t) => n + t[key], 0);
      const row = {
        clients: C,
        connected: acknowledged,
        connectSeconds,
        connectListenOverflows,
        changes: K,
        ratePerSecond: rate,
        filedPerSecond: Math.round((K / filingSeconds) * 10) / 10,
        elapsedSeconds: Math.round(elapsed),
        delivered: received,
        expected: C * K,
        lost: sum('lost'),
        duplicated: sum('duplicated'),
        outOfOrder: sum('outOfOrder'),
        clientsWithLoss: tally.filter((t) => t.lost > 0).length,
        errors,
        p50Ms: percentile(sorted, 50),
        p95Ms: percentile(sorted, 95),
        p99Ms: percentile(sorted, 99),
        gatewayRssMb: Math.round(after.rssMb),
        gatewayCpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / elapsed) * 100),
        // Less at the mercy of a busy machine than latency: the gateway's CPU time per event delivered (filings included).
        gatewayCpuUsPerDelivery: received ? Math.round(((after.cpuSeconds - before.cpuSeconds) * 1e6) / received) : null,
        benchCpuPercent: Math.round(((benchCpu.user + benchCpu.system) / 1e6 / elapsed) * 100),
        // Of all cores together: near 100 the machine, not the gateway, decides the latency.
        machineCpuPercent: Math.round(((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * 100),
      };
      report.push(row);
      process.stdout.write(`${JSON.stringify(row)}\n`);
      await sleep(2_000);
    }
  } catch (error) {
    // Say what the gateway said before it failed, not only that a request did.
    const gateway = system.services.get('gateway')!;
    process.stderr.write(`gateway exit code ${gateway.child.exitCode}, last lines:\n${gateway.tail()}\n`);
    throw error;
  } finally {
    await bench.stop();
  }
  const columns = ['clients', 'connected', 'connectSeconds', 'changes', 'ratePerSecond', 'filedPerSecond', 'delivered', 'expected', 'lost', 'duplicated', 'outOfOrder', 'p50Ms', 'p95Ms', 'p99Ms', 'gatewayRssMb', 'gatewayCpuPercent', 'gatewayCpuUsPerDelivery', 'benchCpuPercent', 'machineCpuPercent'];
  process.stdout.write(`\n| ${columns.join(' | ')} |\n| ${columns.map(() => '---').join(' | ')} |\n`);
  for (const r of report) process.stdout.write(`| ${columns.map((c) => String(r[c])).join(' | ')} |\n`);
}

interface CrowdResult {
  latencies: Float64Array;
  receivedBy: string[][];
  errors: number;
  acknowledged: number;
  received: number;
}

/** Clients `from` to `to` (exclusive) in this thread: counts as it goes, and when told to, hands over what each received and disposes them. */
async function runCrowd(url: string, from: number, to: number, K: number, port: MessagePort): Promise<void> {
  const latencies = new Float64Array((to - from) * K * 2);
  const state = { received: 0, errors: 0, acknowledged: 0 };
  const receivedBy: string[][] = [];
  const progress = setInterval(() => port.postMessage({ acknowledged: state.acknowledged, received: state.received }), 200);
  port.once('message', () => {
    clearInterval(progress);
    const result: CrowdResult = { latencies: latencies.slice(0, Math.min(state.received, latencies.length)), receivedBy, ...state };
    port.postMessage({ done: result });
  });
  for (let c = from; c < to; c += 1) {
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: webSocketFrom(addressOf(c)),
      lazy: false,
      // As real clients do in a reconnect storm: retry with jitter.
      retryAttempts: 10,
      retryWait: (retries) => sleep(500 * 2 ** Math.min(retries, 4) * (0.5 + Math.random())),
      onNonLazyError: () => undefined,
    });
    const ids: string[] = [];
    receivedBy.push(ids);
    client.subscribe(
      { query: SUBSCRIPTION },
      {
        next: (result) => {
          const event = (result.data as { complaintStatusChanged: { at: string; complaint: { id: string } } }).complaintStatusChanged;
          if (state.received < latencies.length) latencies[state.received] = Date.now() - Date.parse(event.at);
          state.received += 1;
          ids.push(event.complaint.id);
        },
        error: () => void (state.errors += 1),
        complete: () => undefined,
      },
    );
    let counted = false;
    client.on('connected', () => {
      if (!counted) state.acknowledged += 1;
      counted = true;
    });
    if (c % 500 === 499) await sleep(50); // let the gateway accept in batches
  }
}

/** C clients spread over worker threads (same clock, so commit-to-receipt latencies stay comparable). */
function startCrowd(url: string, C: number, K: number, threads: number) {
  const parts = Array.from({ length: threads }, (_, t) => {
    const worker = new Worker(__filename, { workerData: { url, from: Math.floor((C * t) / threads), to: Math.floor((C * (t + 1)) / threads), K } });
    const part = { acknowledged: 0, received: 0, worker, done: undefined as Promise<CrowdResult> | undefined };
    part.done = new Promise<CrowdResult>((resolve, reject) => {
      worker.on('message', (message: { done?: CrowdResult; acknowledged: number; received: number }) => {
        if (message.done) resolve(message.done);
        else Object.assign(part, message);
      });
      worker.once('error', reject);
    });
    return part;
  });
  return {
    acknowledged: () => parts.reduce((n, p) => n + p.acknowledged, 0),
    received: () => parts.reduce((n, p) => n + p.received, 0),
    async finish(): Promise<CrowdResult> {
      parts.forEach((p) => p.worker.postMessage('finish'));
      const results = await Promise.all(parts.map((p) => p.done!));
      // A client still waiting to retry would keep its thread alive for seconds.
      await Promise.all(parts.map((p) => p.worker.terminate()));
      const latencies = new Float64Array(results.reduce((n, r) => n + r.latencies.length, 0));
      results.reduce((at, r) => (latencies.set(r.latencies, at), at + r.latencies.length), 0);
      return {
        latencies,
        receivedBy: results.flatMap((r) => r.receivedBy),
        errors: results.reduce((n, r) => n + r.errors, 0),
        acknowledged: results.reduce((n, r) => n + r.acknowledged, 0),
        received: results.reduce((n, r) => n + r.received, 0),
      };
    },
  };
}

if (isMainThread) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.stack ?? error.message}\n`);
    process.exit(1);
  });
} else {
  const { url, from, to, K } = workerData as { url: string; from: number; to: number; K: number };
  void runCrowd(url, from, to, K, parentPort!);
}
