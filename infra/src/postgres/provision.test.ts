import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '@rz/test-support';

/** Each subgraph's role reaches its own schema only. */
describe('database provisioning', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db?.drop());

  async function as<T>(schema: string, work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: db.subgraphs.find((s) => s.schema === schema)!.url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  it('lets a subgraph role create and use tables in its own schema, found through its search path', async () => {
    await as('atameken', async (c) => {
      await c.query('CREATE TABLE probe (id int)');
      await c.query('INSERT INTO probe VALUES (1)');
      const { rows } = await c.query('SELECT current_schema() AS schema, count(*)::int AS n FROM probe');
      expect(rows[0]).toEqual({ schema: 'atameken', n: 1 });
    });
  });

  it("refuses one team's role access to another team's tables and to the public schema", async () => {
    await as('rukhani_qazyna', async (c) => {
      await expect(c.query('SELECT * FROM atameken.probe')).rejects.toThrow(/permission denied/);
      await expect(c.query('INSERT INTO atameken.probe VALUES (2)')).rejects.toThrow(/permission denied/);
      await expect(c.query('CREATE TABLE atameken.intruder (id int)')).rejects.toThrow(/permission denied/);
      await expect(c.query('CREATE TABLE public.intruder (id int)')).rejects.toThrow(/permission denied/);
    });
  });

  it('installs pg_trgm where every subgraph role may use it but not change it', async () => {
    await as('rukhani_qazyna', async (c) => {
      const { rows } = await c.query(`SELECT extensions.similarity('yasavi', 'yasaui') > 0.3 AS similar`);
      expect(rows[0].similar).toBe(true);
      await expect(c.query('CREATE TABLE extensions.intruder (id int)')).rejects.toThrow(/permission denied/);
      await expect(c.query('DROP EXTENSION pg_trgm')).rejects.toThrow(/must be owner/);
    });
  });

  it('is idempotent: provisioning twice keeps the data', async () => {
    const { ensureSubgraphSchemas } = await import('./provision');
    await ensureSubgraphSchemas(process.env.RZ_TEST_ADMIN_URL!, db.url);
    await as('atameken', async (c) => {
      const { rows } = await c.query('SELECT count(*)::int AS n FROM probe');
      expect(rows[0].n).toBe(1);
    });
  });
});
