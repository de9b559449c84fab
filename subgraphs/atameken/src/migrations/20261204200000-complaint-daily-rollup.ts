import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Complaint counts per territory and day (and month), kept by triggers in the transaction of every
 * complaint write, so the indicators and trends read a few thousand rows instead of every complaint
 * (issue 14). docs/benchmarks.md, "Complaint rollup", explains the layout.
 *
 * - `scope`: the complaint's own KATO code and each unit above it, found as KatoClassifier.findParent
 *   does (the same code with its last 3, 5 or 7 digits zeroed; a candidate that is no unit is a key
 *   nobody asks for), and 'KZ' for the republic.
 * - `basis` 'F': by the Kazakhstan day of filing, at grain 'D' (day) and 'M' (month start);
 *   `basis` 'R': by the month of resolution, for trends.
 * - `open_due`: an open complaint's due day (overdue depends on today); 'infinity' for the rest.
 * - h1..h24: how many of the resolved took each span of days (complaint_resolve_bucket), so the exact
 *   median is found among the few complaints of one bucket (complaint_resolve_bucket_idx).
 */
const RESOLVE_BUCKET_BOUNDS = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 16, 20, 25, 30, 40, 60, 90, 180, 365];
const BUCKETS = RESOLVE_BUCKET_BOUNDS.map((_, i) => `h${i + 1}`);
const COUNTS = ['filed', 'open', 'resolved_by_state', 'resolved_by_citizens', 'rejected', 'duplicates', 'resolved', 'within_deadline', ...BUCKETS];
const OPEN = `('SUBMITTED', 'ACCEPTED', 'IN_PROGRESS')`;
const kzDay = (ts: string) => `((${ts}) AT TIME ZONE INTERVAL '+05:00')::date`;

/** Adds the complaints of `changes` (sign, territory_code, created_at, resolved_at, status, due_on) times their sign. */
function applySql(changes: string): string {
  const values = `c.sign AS filed,
      CASE WHEN c.status IN ${OPEN} THEN c.sign ELSE 0 END AS open,
      CASE WHEN c.status = 'RESOLVED' THEN c.sign ELSE 0 END AS resolved_by_state,
      CASE WHEN c.status = 'RESOLVED_BY_CITIZENS' THEN c.sign ELSE 0 END AS resolved_by_citizens,
      CASE WHEN c.status = 'REJECTED' THEN c.sign ELSE 0 END AS rejected,
      CASE WHEN c.status = 'DUPLICATE' THEN c.sign ELSE 0 END AS duplicates,
      CASE WHEN c.resolved_at IS NOT NULL THEN c.sign ELSE 0 END AS resolved,
      CASE WHEN c.resolved_at IS NOT NULL AND ${kzDay('c.resolved_at')} <= c.due_on THEN c.sign ELSE 0 END AS within_deadline,
      ${BUCKETS.map((h, i) => `CASE WHEN complaint_resolve_bucket(c.created_at, c.resolved_at) = ${i + 1} THEN c.sign ELSE 0 END AS ${h}`).join(',\n      ')}`;
  const scopes = `(SELECT DISTINCT s FROM unnest(ARRAY[c.territory_code, left(c.territory_code, 6) || '000', left(c.territory_code, 4) || '00000',
      left(c.territory_code, 2) || '0000000', 'KZ']) AS s) AS scope(code)`;
  return `
    WITH c AS (${changes}),
    contribution AS (
      SELECT scope.code AS scope, 'F'::"char" AS basis, g.grain,
        CASE g.grain WHEN 'D' THEN ${kzDay('c.created_at')} ELSE date_trunc('month', ${kzDay('c.created_at')})::date END AS day,
        CASE WHEN c.status IN ${OPEN} THEN coalesce(c.due_on, 'infinity') ELSE 'infinity' END AS open_due,
        ${values}
      FROM c CROSS JOIN LATERAL ${scopes} CROSS JOIN (VALUES ('D'::"char"), ('M'::"char")) AS g(grain)
      UNION ALL
      SELECT scope.code, 'R', 'M', date_trunc('month', ${kzDay('c.resolved_at')})::date, 'infinity',
        ${values}
      FROM c CROSS JOIN LATERAL ${scopes}
      WHERE c.resolved_at IS NOT NULL
    )
    INSERT INTO complaint_rollup AS r (scope, basis, grain, day, open_due, ${COUNTS.join(', ')})
    SELECT scope, basis, grain, day, open_due, ${COUNTS.map((n) => `sum(${n})`).join(', ')}
    FROM contribution
    GROUP BY scope, basis, grain, day, open_due
    -- One lock order for every writer.
    ORDER BY scope, basis, grain, day, open_due
    ON CONFLICT (scope, basis, grain, day, open_due) DO UPDATE SET ${COUNTS.map((n) => `${n} = r.${n} + excluded.${n}`).join(', ')}`;
}

const COLUMNS = 'territory_code, created_at, resolved_at, status, due_on';
const changed = `(o.territory_code, o.created_at, o.resolved_at, o.status, o.due_on) IS DISTINCT FROM (n.territory_code, n.created_at, n.resolved_at, n.status, n.due_on)`;
const TRIGGERS = {
  insert: `SELECT 1 AS sign, ${COLUMNS} FROM new_rows`,
  delete: `SELECT -1 AS sign, ${COLUMNS} FROM old_rows`,
  // Only rows whose counted columns changed: most updates (assignment, text) leave the rollup alone.
  update: `SELECT 1 AS sign, ${COLUMNS.split(', ').map((c) => `n.${c}`).join(', ')}
           FROM new_rows n JOIN old_rows o USING (id) WHERE ${changed}
           UNION ALL
           SELECT -1, ${COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}
           FROM new_rows n JOIN old_rows o USING (id) WHERE ${changed}`,
};

export class ComplaintDailyRollup20261204200000 implements MigrationInterface {
  name = 'ComplaintDailyRollup20261204200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION complaint_resolve_bucket(created timestamptz, resolved timestamptz) RETURNS int
      LANGUAGE sql IMMUTABLE PARALLEL SAFE
      -- greatest() would turn the NULL of an unresolved complaint into 1.
      RETURN CASE WHEN resolved IS NOT NULL
        THEN greatest(1, width_bucket(extract(epoch FROM resolved - created) / 86400, '{${RESOLVE_BUCKET_BOUNDS.join(',')}}'::numeric[])) END`);
    await q.query(`
      CREATE TABLE complaint_rollup (
        scope text NOT NULL,
        basis "char" NOT NULL CHECK (basis IN ('F', 'R')),
        grain "char" NOT NULL CHECK (grain IN ('D', 'M')),
        day date NOT NULL,
        open_due date NOT NULL,
        ${COUNTS.map((n) => `${n} int NOT NULL`).join(',\n        ')},
        PRIMARY KEY (scope, basis, grain, day, open_due)
      )`);
    // The exact median: the resolved complaints of one bucket within a territory's code range.
    await q.query(`
      CREATE INDEX complaint_resolve_bucket_idx ON complaint (complaint_resolve_bucket(created_at, resolved_at), territory_code)
      INCLUDE (created_at, resolved_at) WHERE resolved_at IS NOT NULL`);
    // Backfill; later writes go through the triggers.
    await q.query(applySql(`SELECT 1 AS sign, ${COLUMNS} FROM complaint`));
    for (const [event, changes] of Object.entries(TRIGGERS)) {
      const transition = event === 'insert' ? 'NEW TABLE AS new_rows' : event === 'delete' ? 'OLD TABLE AS old_rows' : 'OLD TABLE AS old_rows NEW TABLE AS new_rows';
      await q.query(`
        CREATE FUNCTION complaint_rollup_${event}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${applySql(changes)};
          RETURN NULL;
        END $$`);
      await q.query(`
        CREATE TRIGGER complaint_rollup_${event} AFTER ${event.toUpperCase()} ON complaint
        REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION complaint_rollup_${event}()`);
    }
    await q.query(`CREATE FUNCTION complaint_rollup_truncate() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM complaint_rollup; RETURN NULL; END $$`);
    await q.query(`CREATE TRIGGER complaint_rollup_truncate AFTER TRUNCATE ON complaint FOR EACH STATEMENT EXECUTE FUNCTION complaint_rollup_truncate()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of [...Object.keys(TRIGGERS), 'truncate']) {
      await q.query(`DROP TRIGGER complaint_rollup_${event} ON complaint`);
      await q.query(`DROP FUNCTION complaint_rollup_${event}()`);
    }
    await q.query(`DROP TABLE complaint_rollup`);
    await q.query(`DROP INDEX complaint_resolve_bucket_idx`);
    await q.query(`DROP FUNCTION complaint_resolve_bucket(timestamptz, timestamptz)`);
  }
}
