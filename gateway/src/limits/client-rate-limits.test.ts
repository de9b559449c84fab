import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '@rz/test-support';
import { ClientRateLimits, RATE_LIMIT_TABLE } from './client-rate-limits';

const noTokens = { subjectOf: async () => null };

describe('rate limits shared in PostgreSQL', () => {
  let database: TestDatabase;
  let pools: Pool[];
  beforeAll(async () => {
    database = await createTestDatabase();
    pools = Array.from({ length: 6 }, () => new Pool({ connectionString: database.url, max: 3 }));
  });
  afterAll(async () => {
    for (const pool of pools ?? []) await pool.end();
    await database?.drop();
  });

  it('lets replicas that start together create the shared table once, without a race', async () => {
    // Six gateways × three limiters each used to run CREATE TABLE IF NOT EXISTS at once,
    // which PostgreSQL answers with "type already exists" for all but one of them.
    const limits = await Promise.all(pools.map((pool) => ClientRateLimits.create({ tokens: noTokens, pool, anonymousRequests: 3 })));

    const tables = await pools[0].query('SELECT count(*)::int AS n FROM pg_tables WHERE tablename = $1', [RATE_LIMIT_TABLE]);
    expect(tables.rows[0].n).toBe(1);

    const waits: (number | null)[] = [];
    for (let i = 0; i < 5; i += 1) waits.push(await limits[i % limits.length].consume('request', undefined, '203.0.113.9'));
    expect(waits.slice(0, 3)).toEqual([null, null, null]);
    expect(waits[3]).toBeGreaterThan(0);
    expect(waits[4]).toBeGreaterThan(0);
  });
});
