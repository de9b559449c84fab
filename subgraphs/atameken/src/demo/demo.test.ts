import { createLogger, stableId } from '@rz/subgraph-runtime';
import { gql } from '../../../../infra/src/testing/graphql-client';
import { startTestSubgraph, type TestSubgraph } from '../../../../infra/src/testing/subgraph-harness';
import { atameken } from '../subgraph';
import { DEMO_COMPLAINTS } from './complaints.seed';
import { DEMO_INITIATIVES } from './initiatives.seed';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const COMPLAINT = `id topic text status isOpen indicator territory { code region { code } } monument { id } history { from to byRole comment at }`;
const INITIATIVE = `id kind direction category estimate status statusReason title(lang: RU) titles { kk ru en } descriptions { kk ru en } territory { code region { code } } location { lat lon }`;

describe('demo data', () => {
  it('has the initiatives other subgraphs refer to, under their stable ids', async () => {
    const res = await gql(
      subgraph.url,
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: initiative(id: $a) { title(lang: RU) territory { code } }
        b: initiative(id: $b) { title(lang: KK) territory { code region { code } } }
        c: initiative(id: $c) { status territory { region { code } } }
      }`,
      {
        a: stableId('initiative:almaty-park-medeu'),
        b: stableId('initiative:turkistan-school-library'),
        c: stableId('initiative:shymkent-sairam-cleanup'),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.a).toEqual({ title: 'Благоустройство дворового сквера в Медеуском районе', territory: { code: '751710000' } });
    expect(res.data!.b.territory.region.code).toBe('610000000');
    expect(res.data!.c).toEqual({ status: 'IMPLEMENTED', territory: { region: { code: '790000000' } } });
  });

  it('covers every complaint status and several regions, with histories that end in the status', async () => {
    const res = await gql(subgraph.url, `{ complaints(first: 500) { totalCount nodes { ${COMPLAINT} } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.complaints.nodes;
    expect(nodes).toHaveLength(DEMO_COMPLAINTS.length);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(
      new Set(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'RESOLVED_BY_CITIZENS', 'REJECTED', 'DUPLICATE']),
    );
    for (const region of ['750000000', '610000000', '310000000', '790000000', '710000000']) {
      expect(nodes.some((n: any) => n.territory.region.code === region)).toBe(true);
    }
    for (const n of nodes) {
      expect(n.history[0]).toMatchObject({ from: null, to: 'SUBMITTED', byRole: 'CITIZEN' });
      expect(n.history.at(-1).to).toBe(n.status);
      if (n.status === 'REJECTED') expect(n.history.at(-1).comment).toBeTruthy();
    }
    const byId = new Map(nodes.map((n: any) => [n.id, n]));
    expect(byId.get(stableId('complaint:almaty-academy-facade'))).toMatchObject({ topic: 'MONUMENT_DAMAGE', monument: { id: stableId('monument:KZH049') } });
    expect(byId.get(stableId('complaint:turkistan-yasawi-fence'))).toMatchObject({ topic: 'MONUMENT_DAMAGE', monument: { id: stableId('monument:KZH001') } });
  });

  it('spreads initiatives over regions and statuses', async () => {
    const res = await gql(subgraph.url, `{ initiatives(first: 500) { nodes { ${INITIATIVE} } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.initiatives.nodes;
    expect(nodes).toHaveLength(DEMO_INITIATIVES.length);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(new Set(['INITIATED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED', 'WITHDRAWN']));
    for (const region of ['750000000', '610000000', '310000000', '790000000', '710000000']) {
      expect(nodes.some((n: any) => n.territory.region.code === region)).toBe(true);
    }
  });

  it('is idempotent: seeding again writes nothing', async () => {
    const counts = () =>
      subgraph.db.query(
        `SELECT (SELECT count(*) FROM initiative)::int AS i, (SELECT count(*) FROM complaint)::int AS c, (SELECT count(*) FROM complaint_status_change)::int AS h`,
      );
    const before = await counts();
    await atameken.seedDemo!(subgraph.db, createLogger('atameken-test', 'silent'));
    expect(await counts()).toEqual(before);
    expect(before[0]).toEqual({
      i: DEMO_INITIATIVES.length,
      c: DEMO_COMPLAINTS.length,
      h: DEMO_COMPLAINTS.reduce((sum, c) => sum + 1 + c.steps.length, 0),
    });
  });

  it('never publishes the demo authors or officers', async () => {
    const res = await gql(subgraph.url, `{ complaints(first: 500) { nodes { ${COMPLAINT} isMine } } initiatives(first: 500) { nodes { ${INITIATIVE} isMine } } }`);
    expect(res.errors).toBeUndefined();
    expect(JSON.stringify(res)).not.toMatch(/demo-(citizen|akimat|ngo|patron|volunteer)/);
  });
});
