import { createTestDatabase, type TestDatabase } from '@rz/test-support';
import { Client } from 'pg';
import { ANSWER_TABLE, PostgresResponseCache } from './postgres-response-cache';

const answer = (subgraphs: string[], expiresAt = Date.now() + 60_000) => ({ body: '{"data":{}}', contentType: 'application/json', expiresAt, subgraphs });

describe('response cache store in PostgreSQL', () => {
  let database: TestDatabase;
  let one: PostgresResponseCache;
  let two: PostgresResponseCache;

  beforeAll(async () => {
    database = await createTestDatabase();
    // Two replicas starting together: the schema is created once, under the advisory lock.
    [one, two] = await Promise.all([PostgresResponseCache.open(database.url), PostgresResponseCache.open(database.url)]);
  });
  afterAll(async () => {
    await one?.close();
    await two?.close();
    await database?.drop();
  });

  it('shares answers, and an eviction by either replica drops every answer of that subgraph for both', async () => {
    await one.set('a', answer(['atameken', 'tarbie-bilim']), await one.snapshot(['atameken', 'tarbie-bilim']));
    await one.set('b', answer(['rukhani-qazyna']), await one.snapshot(['rukhani-qazyna']));
    expect((await two.get('a'))?.etag).toMatch(/^"[\w-]{27}"$/);
    await two.evictSubgraph('tarbie-bilim');
    expect([await one.get('a'), (await one.get('b'))?.subgraphs]).toEqual([undefined, ['rukhani-qazyna']]);
  });

  it('does not store an answer whose read began before a change on any replica, nor after a clear', async () => {
    const before = await one.snapshot(['atameken']);
    await two.evictSubgraph('atameken'); // a commit lands while the read is in flight
    expect(await one.set('c', answer(['atameken']), before)).toBeUndefined();
    const cleared = await one.snapshot(['atameken']);
    await two.clear();
    expect(await one.set('c', answer(['atameken']), cleared)).toBeUndefined();
    expect(await one.set('c', answer(['atameken']), await one.snapshot(['atameken']))).toBeDefined();
    expect(await two.get('c')).toBeDefined();
  });

  it('never serves an expired row, and the sweep deletes it', async () => {
    await one.set('old', answer([], Date.now() - 1), await one.snapshot([]));
    expect(await two.get('old')).toBeUndefined();
    await two.sweep();
    const client = new Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(`SELECT key FROM ${ANSWER_TABLE} WHERE key = 'old'`);
    await client.end();
    expect(rows).toEqual([]);
    one.enabled = false;
    expect(await one.get('c')).toBeUndefined();
    one.enabled = true;
  });
});
