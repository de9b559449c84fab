import { parseArgs } from 'node:util';
import { SUBGRAPHS, type SubgraphName } from '@rz/contract';
import type { Client } from 'pg';
import { complaintHistoryRows, generateComplaints } from './complaints.scale';
import { copyRows } from './copy-rows';
import { generateEvents, generateRegistrations } from './events.scale';
import { generateInitiatives } from './initiatives.scale';
import { generateMedia } from './media.scale';
import { generateMonuments, generateQrScans } from './monuments.scale';
import { withClient } from '../postgres/provision';
import { deleteScaleRows, openScaleTarget, readScaleContext, SCALE_TABLES, scaleRowsPresent, type ScaleTarget } from './scale-database';
import { kzDay } from './scale-time';
import { DEFAULT_SCALE, scaleContext, type Row, type ScaleContext, type ScaleOptions, type ScaleSizes } from './scale-options';

/**
 * `npm run seed:scale [-- --complaints 500000 --monuments 20000 ... --reset]`: national-scale
 * data, deterministic (seeded), written with COPY into each subgraph's schema over its owner
 * connection, then VACUUM ANALYZEd. Refuses when scale rows are already there unless `--reset`.
 */
const say = (line: string) => process.stdout.write(`${line}\n`);
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const SIZE_FLAGS: Record<string, keyof ScaleSizes> = {
  complaints: 'complaints',
  initiatives: 'initiatives',
  monuments: 'monuments',
  'qr-scans': 'qrScans',
  events: 'events',
  registrations: 'registrations',
  'media-plans': 'mediaPlans',
  faces: 'faces',
};

const USAGE = `npm run seed:scale -- [options]
  --complaints N      (${DEFAULT_SCALE.complaints})   --initiatives N    (${DEFAULT_SCALE.initiatives})
  --monuments N       (${DEFAULT_SCALE.monuments})    --qr-scans N       (${DEFAULT_SCALE.qrScans})
  --events N          (${DEFAULT_SCALE.events})    --registrations N  (${DEFAULT_SCALE.registrations})
  --media-plans N     (${DEFAULT_SCALE.mediaPlans})     --faces N          (${DEFAULT_SCALE.faces})
  --seed TEXT         (${DEFAULT_SCALE.seed}) same seed, sizes and --until: same rows
  --until YYYY-MM-DD  (${DEFAULT_SCALE.until}) data covers the two years before this day
  --database-url URL  superuser URL (its path names the database); default: the database npm start uses
  --reset             replace scale rows loaded before (otherwise the seed refuses)`;

function parseOptions(): { options: ScaleOptions; databaseUrl?: string; reset: boolean } {
  const { values } = parseArgs({
    options: {
      ...Object.fromEntries(Object.keys(SIZE_FLAGS).map((flag) => [flag, { type: 'string' as const }])),
      seed: { type: 'string', default: DEFAULT_SCALE.seed },
      until: { type: 'string', default: DEFAULT_SCALE.until },
      'database-url': { type: 'string' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    say(USAGE);
    process.exit(0);
  }
  const options: ScaleOptions = { ...DEFAULT_SCALE, seed: values.seed as string, until: values.until as string };
  for (const [flag, key] of Object.entries(SIZE_FLAGS)) {
    const raw = (values as Record<string, unknown>)[flag];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 0 || n > 50_000_000) throw new Error(`--${flag} must be a whole number from 0 to 50000000 (got "${String(raw)}")`);
    options[key] = n;
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.until)) throw new Error(`--until must be YYYY-MM-DD (got "${options.until}")`);
  return { options, databaseUrl: values['database-url'] as string | undefined, reset: values.reset as boolean };
}

type Loads = Partial<Record<string, () => Iterable<Row>>>;

/** Everything a schema receives, as lazy row sources in load order (complaints are generated twice: rows, then history). */
function plan(options: ScaleOptions, ctx: ScaleContext): Record<SubgraphName, Loads> {
  const monuments = generateMonuments(options, ctx);
  const events = generateEvents(options, ctx, monuments.refs);
  const initiatives = generateInitiatives(options, ctx);
  const media = generateMedia(options, ctx, { monuments: monuments.refs, events: events.refs, initiatives: initiatives.refs });
  return {
    'rukhani-qazyna': {
      monument: () => monuments.monuments,
      monument_condition_assessment: () => monuments.assessments,
      qr_code: () => monuments.qrCodes,
      qr_scan: () => generateQrScans(options, monuments.qrRefs),
    },
    'tarbie-bilim': {
      event: () => events.events,
      event_monument: () => events.eventMonuments,
      event_registration: () => generateRegistrations(options, ctx, events.refs),
    },
    atameken: {
      initiative: () => initiatives.rows,
      complaint: function* () {
        for (const c of generateComplaints(options, ctx, monuments.refs)) yield c.row;
      },
      complaint_status_change: function* () {
        for (const c of generateComplaints(options, ctx, monuments.refs)) yield* complaintHistoryRows(c);
      },
    },
    'aqparat-tolqyny': {
      media_plan: () => media.plans,
      media_item: () => media.items,
      face: () => media.faces,
      face_status_change: () => media.faceChanges,
      face_support: () => media.faceSupports,
      media_item_subject: () => media.subjects,
    },
    'project-office': {},
    notifications: {},
  };
}

async function inTransaction(client: Client, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function loadSchema(target: ScaleTarget, name: SubgraphName, loads: Loads): Promise<void> {
  const { url, schema } = target.databases[name];
  await withClient(url, async (client) => {
    // One transaction per schema: a failure leaves that schema as it was.
    await inTransaction(client, async () => {
      for (const table of SCALE_TABLES[name]) {
        const source = loads[table];
        if (!source) continue;
        const started = Date.now();
        const rows = await copyRows(client, table, source());
        say(`  ${`${schema}.${table}`.padEnd(46)} ${String(rows).padStart(9)} rows  ${seconds(Date.now() - started).padStart(7)}`);
      }
    });
    // VACUUM as well as ANALYZE: a bulk load leaves no visibility map and no hint bits, so the first
    // readers would write them and index-only scans would not happen until autovacuum came by.
    const started = Date.now();
    for (const table of SCALE_TABLES[name]) await client.query(`VACUUM (ANALYZE) ${table}`);
    say(`  ${`${schema}: VACUUM ANALYZE`.padEnd(46)} ${''.padStart(14)}  ${seconds(Date.now() - started).padStart(7)}`);
  });
}

/** atameken (most of the rows) loads beside the other three, so both cores work: PostgreSQL is the bottleneck. */
async function load(target: ScaleTarget, loads: Record<SubgraphName, Loads>): Promise<void> {
  const others = async () => {
    for (const { name } of SUBGRAPHS) if (name !== 'atameken') await loadSchema(target, name, loads[name]);
  };
  const results = await Promise.allSettled([loadSchema(target, 'atameken', loads.atameken), others()]);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { options, databaseUrl, reset } = parseOptions();
  const target = await openScaleTarget(databaseUrl, say);
  try {
    const present = await scaleRowsPresent(target);
    if (present.length && !reset) {
      throw new Error(
        `Scale data is already loaded in ${target.describe} (${present.join(', ')}).\n` +
          'Run again with --reset to replace it (same options, same rows).',
      );
    }
    if (present.length) {
      say(`Removing the scale data loaded before (${present.join(', ')})...`);
      await deleteScaleRows(target, say);
    }
    const ctx = scaleContext(options, await readScaleContext(target));
    say(
      `Loading scale data into ${target.describe}: seed "${options.seed}", ${kzDay(ctx.since)} to ${options.until} (exclusive)` +
        ` (${options.complaints} complaints, ${options.initiatives} initiatives, ${options.monuments} monuments, ${options.qrScans} QR scans,` +
        ` ${options.events} events, ${options.registrations} registrations, ${options.mediaPlans} media plans, ${options.faces} faces)`,
    );
    const generating = Date.now();
    const loads = plan(options, ctx);
    say(`  ${'generated monuments, events, initiatives, media'.padEnd(46)} ${''.padStart(14)}  ${seconds(Date.now() - generating).padStart(7)}`);
    await load(target, loads);
    say(`Scale data loaded in ${seconds(Date.now() - started)}.`);
  } finally {
    await target.close();
  }
}

main().catch((error: Error) => {
  process.stderr.write(`seed:scale failed: ${error.message}\n`);
  process.exit(1);
});
