import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { SUBGRAPHS, subgraphEnvPrefix, type SubgraphName } from '@rz/contract';
import autocannon from 'autocannon';
import { ensureDevKeys, signDevToken } from '../auth/dev-keys';
import { freePort, freeSubgraphPorts } from '../dev/free-port';
import { launchSystem, type RunningSystem } from '../dev/system';
import { gatewayProfileEnv } from './bench-system';
import { ROOT, SUPERGRAPH_FILE } from '../paths';
import { startEmbeddedPostgres } from '../postgres/embedded-postgres';
import { provisionDatabase, type SubgraphDatabase } from '../postgres/provision';
import { withClient } from '../postgres/provision';
import { openScaleTarget, scaleRowsPresent } from '../scale/scale-database';
import { startCountingProxy, type CountingProxy } from './counting-proxy';
import { GATEWAY_MIX, OFFICER, REGION_INDICATORS, REGIONS_DASHBOARD, type MixOperation } from './gateway-mix';

/**
 * `npm run bench:gateway [-- --scale --connections 50 --duration 15 --warmup 3 --timeout 10 --samples 60 --writes 0]`
 * Stock @apollo/gateway, ours, and ours with its response cache, one after the other, on the same
 * subgraphs, supergraph and data, under the committed query mix (rate limits off); --writes commits
 * that many times a second into atameken during the cached run, each evicting what atameken served.
 * Subgraph requests are counted by TCP pass-throughs in front of the subgraphs; gateway CPU and peak
 * RSS come from /proc; the cache's hit rate from the answers' `x-cache` header. A last run has
 * OpenTelemetry on in every service with the exporter off (OTEL_TRACES_EXPORTER=none), for its overhead.
 * --scale runs on the database `npm start` uses, loaded by `npm run seed:scale` (loaded first if
 * missing), and adds the latency of the 20-region dashboard and one region's indicators.
 * Figures, not assertions: the machine is shared and noisy.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);

interface ProcessSample {
  cpuSeconds: number;
  peakRssMb: number;
}

function sampleProcess(pid: number): ProcessSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return {
    cpuSeconds: (Number(fields[11]) + Number(fields[12])) / 100, // utime + stime, in clock ticks
    peakRssMb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024,
  };
}

interface Figures {
  gateway: string;
  /** Answered within the run. */
  requests: number;
  sent: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  cpuSecondsPer1000: number;
  subgraphRequestsPerRequest: number;
  peakRssMb: number;
  errors: number;
  /** Share of answers the gateway's response cache gave (`x-cache: HIT`). */
  cacheHitRate: number;
}

interface Target {
  name: string;
  url: string;
  pid: number;
}

function requestsFor(mix: readonly MixOperation[], officerToken: string, onResult: (ok: boolean, hit: boolean) => void): autocannon.Request[] {
  return mix.map((op) => ({
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(op.auth === 'officer' ? { authorization: `Bearer ${officerToken}` } : {}),
    },
    body: JSON.stringify({ query: op.query, variables: op.variables ?? {} }),
    onResponse: (status: number, body: string, _context: object, headers?: IncomingHttpHeaders) =>
      onResult(status === 200 && !body.includes('"errors"'), headers?.['x-cache'] === 'HIT'),
  }));
}

async function post(url: string, op: MixOperation, officerToken: string): Promise<{ status: number; body: { data?: unknown; errors?: unknown[] } }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(op.auth === 'officer' ? { authorization: `Bearer ${officerToken}` } : {}) },
    body: JSON.stringify({ query: op.query, variables: op.variables ?? {} }),
    signal: AbortSignal.timeout(60_000),
  });
  return { status: response.status, body: (await response.json()) as { data?: unknown; errors?: unknown[] } };
}

/** Every operation once: HTTP 200, data, no errors; otherwise the bench stops here. Returns each data as JSON. */
async function verify(target: Target, officerToken: string): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  const problems: string[] = [];
  for (const op of GATEWAY_MIX) {
    const { status, body } = await post(target.url, op, officerToken);
    if (status !== 200 || body.errors?.length || !body.data) problems.push(`${op.name}: HTTP ${status} ${JSON.stringify(body.errors ?? body).slice(0, 600)}`);
    answers.set(op.name, JSON.stringify(body.data));
  }
  if (problems.length) throw new Error(`${target.name} gateway failed the mix:\n  ${problems.join('\n  ')}`);
  return answers;
}

async function load(
  target: Target,
  officerToken: string,
  connections: number,
  seconds: number,
  timeoutSeconds: number,
): Promise<{ result: autocannon.Result; failed: number; hits: number }> {
  let failed = 0;
  let hits = 0;
  const result = await autocannon({
    url: new URL(target.url).origin,
    connections,
    duration: seconds,
    // A client gives up after 10 s: such requests count as errors (timeouts), not as silence.
    timeout: timeoutSeconds,
    requests: requestsFor(GATEWAY_MIX, officerToken, (ok, hit) => {
      if (!ok) failed += 1;
      if (hit) hits += 1;
    }),
  });
  return { result, failed, hits };
}

async function measure(
  target: Target,
  proxies: CountingProxy[],
  databases: SubgraphDatabase[],
  officerToken: string,
  options: { connections: number; duration: number; warmup: number; timeout: number },
): Promise<Figures> {
  say(`\n${target.name}: ${options.warmup} s warm-up, ${options.duration} s with ${options.connections} connections...`);
  if (options.warmup > 0) await load(target, officerToken, options.connections, options.warmup, options.timeout);
  await drain(proxies, databases);
  const subgraphBefore = proxies.reduce((sum, p) => sum + p.requests, 0);
  const before = sampleProcess(target.pid);
  const { result, failed, hits } = await load(target, officerToken, options.connections, options.duration, options.timeout);
  // Work for requests still in flight when the load stopped is counted too: CPU and subgraph
  // requests are divided by the requests sent, after the subgraphs went quiet.
  await drain(proxies, databases);
  const after = sampleProcess(target.pid);
  const subgraphRequests = proxies.reduce((sum, p) => sum + p.requests, 0) - subgraphBefore;
  const requests = result.requests.total;
  const sent = result.requests.sent;
  return {
    gateway: target.name,
    requests,
    sent,
    rps: requests / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    cpuSecondsPer1000: sent ? ((after.cpuSeconds - before.cpuSeconds) / sent) * 1000 : NaN,
    subgraphRequestsPerRequest: sent ? subgraphRequests / sent : NaN,
    peakRssMb: after.peakRssMb,
    // Non-200 answers and answers with errors (failed), connection errors and timeouts (errors).
    errors: failed + result.errors,
    cacheHitRate: requests ? hits / requests : 0,
  };
}

/**
 * Waits until the subgraphs have worked off what the last load left queued: no new subgraph
 * request and no statement running in their schemas' sessions, twice 2 s apart (at most 5
 * minutes), so one phase's backlog does not land on the next. A client that gives up does
 * not stop the work it started.
 */
async function drain(proxies: CountingProxy[], databases: SubgraphDatabase[]): Promise<void> {
  const total = () => proxies.reduce((sum, p) => sum + p.requests, 0);
  const busy = async () => {
    let active = 0;
    for (const { url } of databases) {
      active += await withClient(url, async (client) => {
        const { rows } = await client.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = current_user AND state = 'active' AND pid <> pg_backend_pid()`,
        );
        return rows[0].n as number;
      });
    }
    return active;
  };
  const deadline = Date.now() + 300_000;
  let quietChecks = 0;
  for (let last = total(); Date.now() < deadline && quietChecks < 2; ) {
    await sleep(2_000);
    const now = total();
    quietChecks = now === last && (await busy()) === 0 ? quietChecks + 1 : 0;
    last = now;
  }
}

/** Sequential requests of one operation (after a few unmeasured ones): latency without load. */
async function latencyOf(url: string, op: MixOperation, officerToken: string, samples: number): Promise<{ p50: number; p95: number; max: number }> {
  const times: number[] = [];
  for (let i = 0; i < samples + 5; i += 1) {
    const started = performance.now();
    const { status, body } = await post(url, op, officerToken);
    if (status !== 200 || body.errors?.length) throw new Error(`${op.name} failed: ${JSON.stringify(body.errors)}`);
    if (i >= 5) times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (p: number) => times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)];
  return { p50: at(50), p95: at(95), max: times[times.length - 1] };
}

async function startStockGateway(subgraphUrls: Record<SubgraphName, string>, sharedSecret: string | undefined): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const { PATH, HOME, TZ, LANG } = process.env;
  const child = spawn(process.execPath, [join(__dirname, 'stock-gateway.js')], {
    env: {
      PATH,
      HOME,
      TZ,
      LANG,
      NODE_ENV: 'production',
      PORT: String(port),
      SUPERGRAPH_FILE,
      ...(sharedSecret ? { SUBGRAPH_SHARED_SECRET: sharedSecret } : {}),
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${subgraphEnvPrefix(name)}URL`, subgraphUrls[name]])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}/graphql`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The stock gateway exited (${child.exitCode}):\n${output}`);
    try {
      const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      if (r.ok) return { child, url };
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`The stock gateway did not start in 60 s:\n${output}`);
}

function table(rows: Figures[]): void {
  const [stock, ours] = rows;
  const columns: [string, (f: Figures) => number, number][] = [
    ['RPS', (f) => f.rps, 1],
    ['p50 ms', (f) => f.p50Ms, 1],
    ['p99 ms', (f) => f.p99Ms, 1],
    ['CPU s/1000 req', (f) => f.cpuSecondsPer1000, 2],
    ['subgraph req/req', (f) => f.subgraphRequestsPerRequest, 2],
    ['peak RSS MB', (f) => f.peakRssMb, 0],
    ['errors', (f) => f.errors, 0],
    ['cache hit %', (f) => f.cacheHitRate * 100, 1],
  ];
  const cell = (text: string, width: number) => text.padStart(width);
  say('');
  say(`${'gateway'.padEnd(12)}${columns.map(([h]) => cell(h, 18)).join('')}${cell('requests', 12)}`);
  for (const f of rows) say(`${f.gateway.padEnd(12)}${columns.map(([, get, d]) => cell(get(f).toFixed(d), 18)).join('')}${cell(String(f.requests), 12)}`);
  if (stock && ours) {
    say(`${'ours/stock'.padEnd(12)}${columns.map(([h, get]) => cell(h === 'errors' || h === 'cache hit %' ? '' : `${(get(ours) / get(stock)).toFixed(2)}x`, 18)).join('')}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'boolean', default: false },
      connections: { type: 'string', default: '50' },
      duration: { type: 'string', default: '15' },
      warmup: { type: 'string', default: '3' },
      timeout: { type: 'string', default: '10' },
      samples: { type: 'string', default: '60' },
      // Commits per second into atameken while the cache is measured (each evicts what atameken served).
      writes: { type: 'string', default: '0' },
      // Which runs after stock and ours: `cache` (the response cache) and `tracing`; `--phases none` skips both.
      phases: { type: 'string', default: 'cache,tracing' },
      // A directory for V8 CPU profiles of our gateway (written when it stops).
      'cpu-prof': { type: 'string' },
      'database-url': { type: 'string' },
    },
  });
  const options = { connections: Number(values.connections), duration: Number(values.duration), warmup: Number(values.warmup), timeout: Number(values.timeout) };
  const samples = Number(values.samples);
  // Bounded: start-up, two verified and loaded runs, the latency samples, and shutdown.
  const limitMs = (420 + 4 * (options.duration + options.warmup) + (values.scale ? 1_200 : 0)) * 1000;

  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  const cleanup = async () => {
    for (const step of cleanups.reverse()) await Promise.resolve(step()).catch(() => undefined);
    cleanups.length = 0;
  };
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench:gateway took longer than ${limitMs / 1000} s: stopping\n`);
    void cleanup().then(() => process.exit(1));
  }, limitMs);

  try {
    const work = mkdtempSync(join(tmpdir(), 'rz-bench-gw-'));
    chmodSync(work, 0o755);
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const keys = await ensureDevKeys(join(work, 'keys'));

    let databases: SubgraphDatabase[];
    if (values.scale) {
      const target = await openScaleTarget(values['database-url'] as string | undefined, say);
      cleanups.push(() => target.close());
      if (!(await scaleRowsPresent(target)).length) {
        say('No scale data in that database: loading it first (npm run seed:scale)...');
        await runSeed(values['database-url'] as string | undefined);
      }
      databases = Object.values(target.databases);
    } else {
      const postgres = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: await freePort(), persistent: false });
      cleanups.push(() => postgres.stop());
      databases = await provisionDatabase(postgres.adminUrl, 'rz_bench');
    }

    const subgraphPorts = await freeSubgraphPorts();
    const proxies = new Map<SubgraphName, CountingProxy>();
    for (const { name } of SUBGRAPHS) proxies.set(name, await startCountingProxy(subgraphPorts[name]));
    cleanups.push(() => Promise.all([...proxies.values()].map((p) => p.close())));
    const proxiedUrls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [name, `http://127.0.0.1:${proxies.get(name)!.port}/graphql`])) as Record<SubgraphName, string>;

    say(`Starting the subgraphs and our gateway (${values.scale ? 'scale data' : 'demo data'})...`);
    const subgraphsEnv: Record<string, string> = {};
    const oursEnv: Record<string, string> = {
      RATE_LIMIT_ENABLED: 'false',
      RESPONSE_CACHE: 'off',
      ...(values['cpu-prof'] ? gatewayProfileEnv(values['cpu-prof']) : {}),
      ...Object.fromEntries(SUBGRAPHS.map(({ name }) => [`${subgraphEnvPrefix(name)}URL`, proxiedUrls[name]])),
    };
    const system: RunningSystem = await launchSystem({
      databases,
      jwksFile: keys.jwksFile,
      evidenceSecret: keys.evidenceSecret,
      gatewayPort: await freePort(),
      subgraphPorts,
      seedDemo: !values.scale,
      nodeEnv: 'production',
      logLevel: 'warn',
      // Read again at each (re)start: the cached run below switches the response cache on.
      gatewayEnv: oursEnv,
      // Read again at each restart too: the tracing run below switches tracing on.
      subgraphEnv: subgraphsEnv,
    });
    cleanups.push(() => system.stop());
    const officerToken = await signDevToken(keys, { roles: OFFICER.roles, territory: OFFICER.territory, subject: OFFICER.subject });
    const proxyList = [...proxies.values()];

    const stock = await startStockGateway(proxiedUrls, system.sharedSecret);
    cleanups.push(() => stock.child.kill('SIGKILL'));
    const stockTarget = { name: 'stock', url: stock.url, pid: stock.child.pid! };
    const oursTarget = { name: 'ours', url: system.gatewayUrl, pid: system.services.get('gateway')!.child.pid! };

    const stockAnswers = await verify(stockTarget, officerToken);
    const oursAnswers = await verify(oursTarget, officerToken);
    const disagreements = GATEWAY_MIX.filter((op) => stockAnswers.get(op.name) !== oursAnswers.get(op.name)).map((op) => op.name);
    const figures: Figures[] = [await measure(stockTarget, proxyList, databases, officerToken, options)];
    stock.child.kill('SIGTERM');
    await drain(proxyList, databases);
    figures.push(await measure(oursTarget, proxyList, databases, officerToken, options));

    const phases = new Set(String(values.phases).split(','));
    // Ours again with its response cache, LISTENing for the subgraphs' change notices, optionally
    // under a stream of commits into atameken (statement triggers fire even for no rows).
    if (phases.has('cache')) {
      const atameken = databases.find((d) => d.name === 'atameken')!;
      Object.assign(oursEnv, { RESPONSE_CACHE: 'memory', RESPONSE_CACHE_DATABASE_URL: atameken.url });
      await system.restart('gateway', 'SIGTERM');
      const cachedTarget = { name: 'ours+cache', url: system.gatewayUrl, pid: system.services.get('gateway')!.child.pid! };
      const cachedAnswers = await verify(cachedTarget, officerToken);
      disagreements.push(...GATEWAY_MIX.filter((op) => cachedAnswers.get(op.name) !== oursAnswers.get(op.name)).map((op) => `${op.name} (cached)`));
      const writer = startWrites(atameken.url, Number(values.writes));
      figures.push(await measure(cachedTarget, proxyList, databases, officerToken, options).finally(() => writer.stop()));
      say(`\nCommits into atameken during the cached run: ${writer.count()} (--writes ${values.writes}/s).`);
    }

    // Ours again without the cache, with tracing on in every service and the exporter off
    // (OTEL_TRACES_EXPORTER=none): spans are made and propagated, nothing is sent. What the
    // instrumentation itself costs; an exporter adds its batching and sending on top.
    if (phases.has('tracing')) {
      await drain(proxyList, databases);
      Object.assign(oursEnv, { RESPONSE_CACHE: 'off', OTEL_TRACES_EXPORTER: 'none' });
      delete oursEnv.RESPONSE_CACHE_DATABASE_URL;
      Object.assign(subgraphsEnv, { OTEL_TRACES_EXPORTER: 'none' });
      for (const { name } of SUBGRAPHS) await system.restart(name, 'SIGTERM');
      await system.restart('gateway', 'SIGTERM');
      const tracedTarget = { name: 'ours+tracing', url: system.gatewayUrl, pid: system.services.get('gateway')!.child.pid! };
      const tracedAnswers = await verify(tracedTarget, officerToken);
      disagreements.push(...GATEWAY_MIX.filter((op) => tracedAnswers.get(op.name) !== oursAnswers.get(op.name)).map((op) => `${op.name} (traced)`));
      figures.push(await measure(tracedTarget, proxyList, databases, officerToken, options));
    }

    say(`\nGateway build: ${buildDescription()}`);
    say(`Mix: ${GATEWAY_MIX.length} operations (${GATEWAY_MIX.map((o) => o.name).join(', ')}), ${options.connections} connections, ${options.duration} s each after ${options.warmup} s warm-up.`);
    table(figures);
    const [untraced, traced] = ['ours', 'ours+tracing'].map((name) => figures.find((f) => f.gateway === name)!);
    if (traced) say(`\nTracing on, exporter off: ${(traced.rps / untraced.rps).toFixed(2)}x the RPS, ${(traced.cpuSecondsPer1000 / untraced.cpuSecondsPer1000).toFixed(2)}x the gateway CPU per request, p50 ${traced.p50Ms.toFixed(1)} ms (untraced ${untraced.p50Ms.toFixed(1)} ms).`);
    if (disagreements.length) say(`\nWARNING: the gateways returned different data for ${disagreements.join(', ')}`);
    else say('\nBoth gateways returned the same data for every operation.');

    if (values.scale) {
      await drain(proxyList, databases);
      say(`\nLatency through our gateway on the scale data (${samples} sequential requests each, after 5 unmeasured):`);
      for (const op of [REGIONS_DASHBOARD, REGION_INDICATORS]) {
        const l = await latencyOf(system.gatewayUrl, op, officerToken, samples);
        say(`  ${op.name.padEnd(20)} p50 ${l.p50.toFixed(1)} ms   p95 ${l.p95.toFixed(1)} ms   max ${l.max.toFixed(1)} ms`);
      }
    }
    say(`\n${JSON.stringify({ scale: values.scale, ...options, figures, disagreements })}`);
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** Which code the figures belong to: the commit, and whether gateway or subgraph sources differed from it. */
function buildDescription(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ?? '';
  const commit = git('rev-parse', '--short', 'HEAD') || 'unknown commit';
  const dirty = git('status', '--porcelain', '--', 'gateway/src', 'subgraphs').split('\n').filter(Boolean).length;
  return dirty ? `${commit} with ${dirty} uncommitted changes in gateway/src and subgraphs/` : commit;
}

/** A commit into atameken `perSecond` times a second that changes no row (the change notice fires all the same). */
function startWrites(url: string, perSecond: number): { stop(): Promise<void>; count(): number } {
  let count = 0;
  let running = perSecond > 0;
  const done = (async () => {
    while (running) {
      await withClient(url, async (client) => {
        while (running) {
          await client.query('UPDATE complaint SET id = id WHERE false');
          count += 1;
          await sleep(1_000 / perSecond);
        }
      });
    }
  })();
  return {
    async stop() {
      running = false;
      await done;
    },
    count: () => count,
  };
}

function runSeed(databaseUrl: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = [join(__dirname, '..', 'scale', 'seed-scale.js'), ...(databaseUrl ? ['--database-url', databaseUrl] : [])];
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed:scale exited with code ${code}`))));
  });
}

main().catch((error: Error) => {
  process.stderr.write(`bench:gateway failed: ${error.message}\n`);
  process.exit(1);
});
