import { subgraphDbSchema } from '@rz/schema';
import { createLogger } from '@rz/service-kit';
import { createSubgraphDataSource, startSubgraph, type RunningSubgraph } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, createTestDatabase, testEnv, testToken } from '@rz/test-support';
import { CreateMonument20261122000000 } from '../migrations/20261122000000-create-monument';
import { rukhaniQazyna } from '../subgraph';

const editor = () => testToken({ roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna', subject: 'editor-7' });
const turkistanOfficer = () => testToken({ roles: ['akimat_officer'], territory: '610000000', subject: 'officer-610' });
const almatyOfficer = () => testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-750' });

const ASSESS = `mutation($id: ID!, $input: AssessMonumentConditionInput!) {
  assessMonumentCondition(monumentId: $id, input: $input) { condition conditionAssessedOn conditionAssessedBy }
}`;
const READ = `query($id: ID!) { monument(id: $id) {
  condition conditionAssessedOn conditionAssessedBy
  conditionHistory { condition assessedOn assessedBy note }
} }`;

describe('monument condition history', () => {
  let subgraph: TestSubgraph;
  let monumentId: string;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(rukhaniQazyna);
    const res = await gql(
      subgraph.url,
      `mutation { createMonument(input: { name: { kk: "Арыстан баб кесенесі" }, type: ARCHITECTURAL, significance: REPUBLICAN, territory: "610000000" }) { id condition conditionHistory { condition } } }`,
      {},
      await editor(),
    );
    expect(res.data!.createMonument).toMatchObject({ condition: null, conditionHistory: [] });
    monumentId = res.data!.createMonument.id;
  });
  afterAll(() => subgraph?.close());

  it('keeps every assessment; the current condition is the latest by day, even when one is entered late', async () => {
    const first = await gql(
      subgraph.url,
      ASSESS,
      { id: monumentId, input: { condition: 'POOR', assessedOn: '2025-06-10', assessedBy: 'Culture Department of Turkistan Region', note: 'Cracks in the portal' } },
      await turkistanOfficer(),
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.assessMonumentCondition).toEqual({ condition: 'POOR', conditionAssessedOn: '2025-06-10', conditionAssessedBy: 'Culture Department of Turkistan Region' });

    await gql(subgraph.url, ASSESS, { id: monumentId, input: { condition: 'GOOD', assessedOn: '2026-04-01', assessedBy: 'Scientific restoration institute' } }, await editor());
    // Entered after, dated before: history grows, the current condition stays.
    const late = await gql(subgraph.url, ASSESS, { id: monumentId, input: { condition: 'EMERGENCY', assessedOn: '2024-03-15', assessedBy: 'Ministry of Culture' } }, await editor());
    expect(late.data!.assessMonumentCondition.condition).toBe('GOOD');

    const read = await gql(subgraph.url, READ, { id: monumentId });
    expect(read.data!.monument).toEqual({
      condition: 'GOOD',
      conditionAssessedOn: '2026-04-01',
      conditionAssessedBy: 'Scientific restoration institute',
      conditionHistory: [
        { condition: 'GOOD', assessedOn: '2026-04-01', assessedBy: 'Scientific restoration institute', note: null },
        { condition: 'POOR', assessedOn: '2025-06-10', assessedBy: 'Culture Department of Turkistan Region', note: 'Cracks in the portal' },
        { condition: 'EMERGENCY', assessedOn: '2024-03-15', assessedBy: 'Ministry of Culture', note: null },
      ],
    });
    const filtered = await gql(subgraph.url, `{ good: monuments(filter: { condition: GOOD }) { totalCount } poor: monuments(filter: { condition: POOR }) { totalCount } }`);
    expect(filtered.data).toEqual({ good: { totalCount: 1 }, poor: { totalCount: 0 } });
  });

  it('never exposes who recorded an assessment', async () => {
    const type = await gql(subgraph.url, `{ __type(name: "MonumentConditionAssessment") { fields { name } } }`);
    expect(type.data!.__type.fields.map((f: { name: string }) => f.name).sort()).toEqual(['assessedBy', 'assessedOn', 'condition', 'id', 'note']);
    const rows = await subgraph.db.query(`SELECT DISTINCT assessor_subject FROM monument_condition_assessment ORDER BY 1`);
    expect(rows.map((r: { assessor_subject: string }) => r.assessor_subject)).toEqual(['editor-7', 'officer-610']);
  });

  it('refuses officers outside the territory, future days and empty labels, writing nothing', async () => {
    const count = async () => (await subgraph.db.query(`SELECT count(*)::int AS n FROM monument_condition_assessment`))[0].n;
    const before = await count();
    const input = { condition: 'SATISFACTORY', assessedOn: '2026-01-01', assessedBy: 'Akimat of Almaty' };
    const outsider = await gql(subgraph.url, ASSESS, { id: monumentId, input }, await almatyOfficer());
    expect(outsider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Refused before the input is judged.
    const outsiderFuture = await gql(subgraph.url, ASSESS, { id: monumentId, input: { ...input, assessedOn: '2999-01-01' } }, await almatyOfficer());
    expect(outsiderFuture.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const citizen = await gql(subgraph.url, ASSESS, { id: monumentId, input: { ...input, assessedBy: ' ' } }, await testToken({ roles: ['citizen'] }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await gql(subgraph.url, ASSESS, { id: monumentId, input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const future = await gql(subgraph.url, ASSESS, { id: monumentId, input: { ...input, assessedOn: '2999-01-01' } }, await editor());
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assessedOn' });
    const blank = await gql(subgraph.url, ASSESS, { id: monumentId, input: { ...input, assessedBy: '   ' } }, await editor());
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assessedBy' });
    const unknown = await gql(subgraph.url, ASSESS, { id: '00000000-0000-7000-8000-000000000000', input }, await editor());
    expect(unknown.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
  });
});

describe('condition data written before the history existed', () => {
  let running: RunningSubgraph;
  let drop: () => Promise<void>;

  it('becomes the first history entry and stays the current condition', async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const own = database.subgraphs.find((s) => s.schema === subgraphDbSchema('rukhani-qazyna'))!;
    // The database as the first release left it: one monument with a single condition value.
    const old = createSubgraphDataSource({
      url: own.url,
      schema: own.schema,
      entities: [],
      migrations: [CreateMonument20261122000000],
      logger: createLogger('test', 'silent'),
    });
    await old.initialize();
    await old.runMigrations({ transaction: 'each' });
    const id = '019b0000-0000-7000-8000-000000000001';
    await old.query(
      `INSERT INTO monument (id, name_ru, type, territory_code, condition, condition_assessed_on) VALUES ($1, 'Старый', 'ARCHITECTURAL', '610000000', 'POOR', '2024-05-01')`,
      [id],
    );
    await old.destroy();

    // The subgraph's own config parser, so its settings (PUBLIC_BASE_URL) get their defaults.
    const config = rukhaniQazyna.loadConfig({
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: own.url,
      DATABASE_POOL_SIZE: '2',
      LOG_LEVEL: 'silent',
      AUTH_JWKS_FILE: testEnv().jwksFile,
      AUTH_ISSUER: 'rukhani-zhangyru-dev',
      AUTH_AUDIENCE: 'rukhani-zhangyru-graph',
      MIGRATE_ON_START: 'true',
      SEED_DEMO: 'false',
    });
    running = await startSubgraph(rukhaniQazyna, config);
    const read = await gql(running.url, READ, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data!.monument).toEqual({
      condition: 'POOR',
      conditionAssessedOn: '2024-05-01',
      conditionAssessedBy: null,
      conditionHistory: [{ condition: 'POOR', assessedOn: '2024-05-01', assessedBy: null, note: null }],
    });
    // A new assessment the same day still becomes the current one.
    await gql(running.url, ASSESS, { id, input: { condition: 'SATISFACTORY', assessedOn: '2024-05-01', assessedBy: 'Ministry of Culture' } }, await editor());
    const after = await gql(running.url, READ, { id });
    expect(after.data!.monument.condition).toBe('SATISFACTORY');
    expect(after.data!.monument.conditionHistory).toHaveLength(2);
  });

  afterAll(async () => {
    await running?.stop();
    await drop?.();
  });
});
