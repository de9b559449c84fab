import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevKeys } from '../auth/dev-keys';
import { launchSystem } from '../dev/system';
import { openScaleTarget, scaleRowsPresent } from '../scale/scale-database';

/**
 * `npm run bench:export [-- --dataset complaints --territory <KATO> --database-url <url>]`
 * Downloads one open-data export from a gateway over the seed:scale database (`npm run seed:scale`
 * first) and reports rows, time and the gateway's resident memory sampled every 100 ms: the export
 * streams, so memory should stay flat however many rows go out. A figure, not an assertion.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dataset: { type: 'string', default: 'complaints' }, territory: { type: 'string' }, 'database-url': { type: 'string' } },
  });
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  try {
    const work = mkdtempSync(join(tmpdir(), 'rz-bench-export-'));
    chmodSync(work, 0o755);
    cleanups.push(() => rmSync(work, { recursive: true, force: true }));
    const keys = await ensureDevKeys(join(work, 'keys'));
    const target = await openScaleTarget(values['database-url'], say);
    cleanups.push(() => target.close());
    if (!(await scaleRowsPresent(target)).length) throw new Error('No scale data in that database: run npm run seed:scale first');
    say('Starting the subgraphs and the gateway on the scale data...');
    const system = await launchSystem({
      databases: Object.values(target.databases),
      jwksFile: keys.jwksFile,
      evidenceSecret: keys.evidenceSecret,
      seedDemo: false,
      nodeEnv: 'development',
      logLevel: 'warn',
      gatewayEnv: { RATE_LIMIT_ENABLED: 'false', RESPONSE_CACHE: 'off' },
    });
    cleanups.push(() => system.stop());
    const pid = system.services.get('gateway')!.child.pid!;
    const query = values.territory ? `?territory=${values.territory}` : '';
    const url = `${system.gatewayUrl.replace(/\/graphql$/, '')}/export/${values.dataset}.csv${query}`;

    const idle = rssMb(pid);
    let peak = idle;
    const samples: number[] = [];
    const timer = setInterval(() => {
      const now = rssMb(pid);
      samples.push(now);
      peak = Math.max(peak, now);
    }, 100);
    const started = Date.now();
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}: ${await response.text()}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.length;
      for (const byte of chunk) if (byte === 10) lines += 1;
    }
    const seconds = (Date.now() - started) / 1000;
    clearInterval(timer);
    const rows = lines - 1; // the header line
    const quarter = samples.slice(0, Math.max(1, Math.floor(samples.length / 4)));
    const lastQuarter = samples.slice(-Math.max(1, Math.floor(samples.length / 4)));
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    say(`\n${url}`);
    say(`rows ${rows.toLocaleString('en')}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString('en')} rows/s)`);
    say(`gateway RSS: idle ${idle.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, mean of the first quarter ${mean(quarter).toFixed(0)} MB, of the last quarter ${mean(lastQuarter).toFixed(0)} MB`);
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
