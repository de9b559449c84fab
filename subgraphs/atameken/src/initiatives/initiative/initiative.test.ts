import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const TURKISTAN_REGION = '610000000';
const TURKISTAN_CITY = '611010000';

const citizen = (subject = 'citizen-dauren') => testToken({ subject, roles: ['citizen'] });
const ngo = (subject = 'ngo-zhasyl-el') => testToken({ subject, roles: ['ngo'] });
const officer = (territory = ALMATY, subject = 'officer-almaty') => testToken({ subject, roles: ['akimat_officer'], territory });

const FIELDS = `id kind direction category estimate status statusReason createdAt updatedAt isMine
  title(lang: RU) titles { kk ru en } description(lang: EN) descriptions { kk ru en }
  territory { code name } location { lat lon }`;
const PROPOSE = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateInitiativeInput!) { updateInitiative(id: $id, input: $input) { ${FIELDS} } }`;
const STATUS = `mutation($id: ID!, $to: InitiativeStatus!, $reason: String) { changeInitiativeStatus(id: $id, to: $to, reason: $reason) { id status statusReason } }`;
const ONE = `query($id: ID!) { initiative(id: $id) { ${FIELDS} } }`;
const BUDGET = `mutation($id: ID!, $amount: Float!, $decision: String) { recordInitiativeBudget(id: $id, amount: $amount, decision: $decision) { id budgetAmount } }`;

const input = (overrides: Record<string, unknown> = {}) => ({
  kind: 'INFRASTRUCTURE',
  direction: 'ECOLOGY_AND_AMENITIES',
  category: 'A',
  title: { kk: 'Аулаға ағаш отырғызу', ru: 'Посадка деревьев во дворе' },
  description: { ru: 'Жители двора предлагают посадить 30 деревьев.' },
  territory: MEDEU,
  location: { lat: 43.2532, lon: 76.9587 },
  estimate: 2_500_000,
  ...overrides,
});

async function propose(overrides: Record<string, unknown> = {}, token?: string): Promise<Record<string, any>> {
  const res = await gql(subgraph.url, PROPOSE, { input: input(overrides) }, token ?? (await citizen()));
  expect(res.errors).toBeUndefined();
  return res.data!.proposeInitiative;
}

async function count(): Promise<number> {
  const [{ n }] = await subgraph.db.query(`SELECT count(*)::int AS n FROM initiative`);
  return n;
}

describe('proposing initiatives', () => {
  it('proposes an INITIATED initiative for a citizen or an NGO', async () => {
    const byCitizen = await propose();
    expect(byCitizen).toMatchObject({
      kind: 'INFRASTRUCTURE',
      direction: 'ECOLOGY_AND_AMENITIES',
      category: 'A',
      estimate: 2_500_000,
      status: 'INITIATED',
      statusReason: null,
      isMine: true,
      title: 'Посадка деревьев во дворе',
      titles: { kk: 'Аулаға ағаш отырғызу', ru: 'Посадка деревьев во дворе', en: null },
      description: 'Жители двора предлагают посадить 30 деревьев.',
      territory: { code: MEDEU },
      location: { lat: 43.2532, lon: 76.9587 },
    });
    const byNgo = await propose({ category: 'B', kind: 'CHARITY_EVENT', estimate: 0, location: null, title: { en: 'Charity run' } }, await ngo());
    expect(byNgo).toMatchObject({ category: 'B', estimate: 0, location: null, title: 'Charity run', description: 'Жители двора предлагают посадить 30 деревьев.' });
  });

  it('keeps estimates up to 10^12 tenge exact', async () => {
    expect((await propose({ estimate: 1_000_000_000_000 })).estimate).toBe(1_000_000_000_000);
  });

  it('refuses anonymous callers with UNAUTHENTICATED', async () => {
    const before = await count();
    const res = await gql(subgraph.url, PROPOSE, { input: input() });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it.each([
    ['an unknown territory', 'input.territory', { territory: '999999999' }],
    ['a title in no language', 'input.title', { title: {} }],
    ['a title of spaces', 'input.title', { title: { kk: '   ' } }],
    ['an empty title string', 'input.title.ru', { title: { ru: '' } }],
    ['a negative estimate', 'input.estimate', { estimate: -1 }],
    ['an estimate above 10^12', 'input.estimate', { estimate: 1_000_000_000_001 }],
    ['a fractional estimate', 'input.estimate', { estimate: 10.5 }],
    ['a location outside Kazakhstan', 'input.location.lat', { location: { lat: 39.9, lon: 70 } }],
  ])('rejects %s as BAD_USER_INPUT on %s, writing nothing', async (_case, field, overrides) => {
    const before = await count();
    const res = await gql(subgraph.url, PROPOSE, { input: input(overrides) }, await citizen());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toBe(before);
  });
});

describe('updating initiatives', () => {
  it('lets the author change fields, keeping languages not mentioned', async () => {
    const { id } = await propose();
    const res = await gql(
      subgraph.url,
      UPDATE,
      { id, input: { title: { en: 'Tree planting in the yard' }, estimate: 3_000_000, direction: 'HOUSING_AND_UTILITIES', description: { kk: 'Ағаш отырғызу' } } },
      await citizen(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateInitiative).toMatchObject({
      titles: { kk: 'Аулаға ағаш отырғызу', ru: 'Посадка деревьев во дворе', en: 'Tree planting in the yard' },
      descriptions: { kk: 'Ағаш отырғызу', ru: 'Жители двора предлагают посадить 30 деревьев.', en: null },
      estimate: 3_000_000,
      direction: 'HOUSING_AND_UTILITIES',
      kind: 'INFRASTRUCTURE',
    });
  });

  it('lets an akimat officer of the territory edit, but not move it out of their scope', async () => {
    const { id } = await propose();
    const medeuOfficer = await officer(MEDEU, 'officer-medeu');
    const edited = await gql(subgraph.url, UPDATE, { id, input: { category: 'B' } }, medeuOfficer);
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateInitiative.category).toBe('B');
    const moved = await gql(subgraph.url, UPDATE, { id, input: { territory: TURKISTAN_CITY } }, medeuOfficer);
    expect(moved.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, ONE, { id })).data!.initiative.territory.code).toBe(MEDEU);
  });

  it('refuses other citizens and officers elsewhere with FORBIDDEN, changing nothing', async () => {
    const { id } = await propose();
    const before = await gql(subgraph.url, ONE, { id });
    for (const token of [await citizen('someone-else'), await officer(TURKISTAN_REGION, 'officer-turkistan'), await ngo()]) {
      const res = await gql(subgraph.url, UPDATE, { id, input: { estimate: 1 } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await gql(subgraph.url, ONE, { id })).toEqual(before);
  });

  it('validates changes like a proposal', async () => {
    const { id } = await propose();
    const token = await citizen();
    const territory = await gql(subgraph.url, UPDATE, { id, input: { territory: '999999999' } }, token);
    expect(territory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory' });
    const estimate = await gql(subgraph.url, UPDATE, { id, input: { estimate: -5 } }, token);
    expect(estimate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.estimate' });
  });

  it('refuses edits once the initiative is no longer INITIATED', async () => {
    const { id } = await propose();
    expect((await gql(subgraph.url, BUDGET, { id, amount: 2_500_000, decision: 'Решение № 1' }, await officer())).errors).toBeUndefined();
    expect((await gql(subgraph.url, STATUS, { id, to: 'IN_PROGRESS' }, await officer())).errors).toBeUndefined();
    const res = await gql(subgraph.url, UPDATE, { id, input: { estimate: 1 } }, await citizen());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'IN_PROGRESS' });
  });

  it('answers NOT_FOUND for unknown ids', async () => {
    for (const id of ['019b7a00-0000-7000-8000-00000000dead', 'nope']) {
      const res = await gql(subgraph.url, UPDATE, { id, input: { estimate: 1 } }, await citizen());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });
});

describe('initiative lifecycle', () => {
  it('is started and completed by the akimat of its territory', async () => {
    const { id } = await propose();
    const token = await officer();
    expect((await gql(subgraph.url, BUDGET, { id, amount: 2_500_000, decision: 'Решение № 2' }, token)).errors).toBeUndefined();
    const started = await gql(subgraph.url, STATUS, { id, to: 'IN_PROGRESS' }, token);
    expect(started.errors).toBeUndefined();
    expect(started.data!.changeInitiativeStatus.status).toBe('IN_PROGRESS');
    const completed = await gql(
      subgraph.url,
      `mutation($input: CompleteInitiativeInput!) { completeInitiative(input: $input) { status } }`,
      { input: { initiative: id, result: { ru: 'Посажено 30 деревьев.' }, peopleServed: 240 } },
      token,
    );
    expect(completed.errors).toBeUndefined();
    expect(completed.data!.completeInitiative.status).toBe('IMPLEMENTED');
    const back = await gql(subgraph.url, STATUS, { id, to: 'IN_PROGRESS' }, token);
    expect(back.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'IMPLEMENTED', to: 'IN_PROGRESS' });
  });

  it('may be withdrawn by its author only', async () => {
    const { id } = await propose();
    const byOfficer = await gql(subgraph.url, STATUS, { id, to: 'WITHDRAWN' }, await officer());
    expect(byOfficer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byAuthor = await gql(subgraph.url, STATUS, { id, to: 'WITHDRAWN', reason: 'Нашли другой способ' }, await citizen());
    expect(byAuthor.errors).toBeUndefined();
    expect(byAuthor.data!.changeInitiativeStatus).toMatchObject({ status: 'WITHDRAWN', statusReason: 'Нашли другой способ' });
  });

  it('does not let the author start their own initiative', async () => {
    const { id } = await propose();
    const res = await gql(subgraph.url, STATUS, { id, to: 'IN_PROGRESS' }, await citizen());
    expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('needs a reason to reject', async () => {
    const { id } = await propose();
    const token = await officer();
    const bare = await gql(subgraph.url, STATUS, { id, to: 'REJECTED' }, token);
    expect(bare.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect((await gql(subgraph.url, ONE, { id })).data!.initiative.status).toBe('INITIATED');
    const rejected = await gql(subgraph.url, STATUS, { id, to: 'REJECTED', reason: 'Участок относится к частной территории.' }, token);
    expect(rejected.data!.changeInitiativeStatus).toMatchObject({ status: 'REJECTED', statusReason: 'Участок относится к частной территории.' });
  });
});

describe('reading initiatives', () => {
  it('pages with cursors without gaps or repeats', async () => {
    await Promise.all(Array.from({ length: 23 }, (_, i) => propose({ title: { kk: `Бастама ${i}` } })));
    const all = await gql(subgraph.url, `{ initiatives(first: 500) { totalCount nodes { id } } }`);
    const total = all.data!.initiatives.totalCount;
    expect(total).toBeGreaterThanOrEqual(23);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(subgraph.url, `query($after: String) { initiatives(first: 5, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, { after });
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.initiatives.nodes.map((n: { id: string }) => n.id));
      after = page.data.initiatives.pageInfo.hasNextPage ? page.data.initiatives.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.data!.initiatives.nodes.map((n: { id: string }) => n.id));
    expect(new Set(seen).size).toBe(total);
  });

  it('rejects a malformed cursor', async () => {
    const res = await gql(subgraph.url, `{ initiatives(after: "garbage") { totalCount } }`);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('filters by territory subtree, kind, direction, category, status, viewport and own', async () => {
    const token = await citizen('citizen-filters');
    const almaty = await propose({ kind: 'LOGISTICS', direction: 'HEALTH', category: 'B' }, token);
    const turkistan = await propose({ territory: TURKISTAN_CITY, location: { lat: 43.3, lon: 68.25 }, direction: 'EDUCATION' }, token);
    const ids = async (filter: Record<string, unknown>, auth?: string) => {
      const res = await gql(subgraph.url, `query($f: InitiativeFilter) { initiatives(filter: $f, first: 500) { nodes { id } } }`, { f: filter }, auth);
      expect(res.errors).toBeUndefined();
      return res.data!.initiatives.nodes.map((n: { id: string }) => n.id);
    };
    expect(await ids({ territory: ALMATY })).toContain(almaty.id);
    expect(await ids({ territory: ALMATY })).not.toContain(turkistan.id);
    expect(await ids({ territory: TURKISTAN_REGION })).toEqual([turkistan.id]);
    expect(await ids({ kind: 'LOGISTICS', direction: 'HEALTH', category: 'B', status: 'INITIATED' })).toEqual([almaty.id]);
    expect(await ids({ within: { south: 42.5, west: 67.5, north: 44, east: 69 } })).toEqual([turkistan.id]);
    expect(await ids({ mine: true }, token)).toEqual([turkistan.id, almaty.id]);
    const unknown = await gql(subgraph.url, `{ initiatives(filter: { territory: "123456789" }) { totalCount } }`);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.territory' });
  });

  it('resolves Initiative entities by key (_entities)', async () => {
    const a = await propose();
    const b = await propose({ title: { kk: 'Екінші' } });
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Initiative { id title(lang: KK) status territory { code } } } }`,
      {
        reps: [
          { __typename: 'Initiative', id: b.id },
          { __typename: 'Initiative', id: a.id },
          { __typename: 'Initiative', id: '019b7a00-0000-7000-8000-00000000dead' },
          { __typename: 'Initiative', id: 'not-a-uuid' },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { id: b.id, title: 'Екінші', status: 'INITIATED', territory: { code: MEDEU } },
      { id: a.id, title: 'Аулаға ағаш отырғызу', status: 'INITIATED', territory: { code: MEDEU } },
      null,
      null,
    ]);
  });

  it('never publishes the author\'s subject', async () => {
    const author = 'author-subject-c0ffee42';
    const { id } = await propose({}, await citizen(author));
    const everything = `query($id: ID!) {
      initiative(id: $id) { ${FIELDS} }
      initiatives(first: 100) { nodes { ${FIELDS} } }
      territory(code: "${ALMATY}") { initiatives(first: 100) { nodes { ${FIELDS} } } }
      _entities(representations: [{ __typename: "Initiative", id: "${id}" }]) { ... on Initiative { ${FIELDS} } }
    }`;
    const viewers: [string | undefined, boolean][] = [[undefined, false], [await citizen(author), true], [await officer(), false]];
    for (const [token, isMine] of viewers) {
      const res = await gql(subgraph.url, everything, { id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.initiative.isMine).toBe(isMine);
      expect(JSON.stringify(res)).not.toContain(author);
    }
  });
});
