import { statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);
});
afterAll(() => subgraph?.close());

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const officerToken = (territory: string) => testToken({ roles: ['akimat_officer'], territory });

const FIELDS = `id name school leader foundedYear territory { code } membersByYear { schoolYear members }`;
const CREATE = `mutation($input: CreateLocalHistoryClubInput!) { createLocalHistoryClub(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLocalHistoryClubInput!) { updateLocalHistoryClub(id: $id, input: $input) { ${FIELDS} } }`;
const MEMBERS = `mutation($input: LocalHistoryClubMembersInput!) { setLocalHistoryClubMembers(input: $input) { id m2025: members(schoolYear: 2025) m2026: members(schoolYear: 2026) membersByYear { schoolYear members } } }`;

function clubInput(overrides: Record<string, unknown> = {}) {
  return { name: '«Жас өлкетанушы» үйірмесі', school: '№ 62 мектеп', territory: '791110000', leader: 'Бахтияр Юсупов', foundedYear: 2018, ...overrides };
}

async function create(overrides: Record<string, unknown> = {}, token?: string) {
  const res = await gql(subgraph.url, CREATE, { input: clubInput(overrides) }, token ?? (await editorToken()));
  expect(res.errors).toBeUndefined();
  return res.data!.createLocalHistoryClub;
}

async function setMembers(club: string, schoolYear: number, members: number, token?: string) {
  return gql(subgraph.url, MEMBERS, { input: { club, schoolYear, members } }, token ?? (await editorToken()));
}

async function total(): Promise<number> {
  return (await gql(subgraph.url, `{ localHistoryClubs { totalCount } }`)).data!.localHistoryClubs.totalCount;
}

describe('local history clubs', () => {
  it('creates a club and records its members year by year', async () => {
    const club = await create({ name: '  «Испиджаб» үйірмесі ' });
    expect(club).toMatchObject({ name: '«Испиджаб» үйірмесі', school: '№ 62 мектеп', leader: 'Бахтияр Юсупов', foundedYear: 2018, territory: { code: '791110000' }, membersByYear: [] });

    expect((await setMembers(club.id, 2025, 14)).errors).toBeUndefined();
    const second = await setMembers(club.id, 2026, 19);
    expect(second.data!.setLocalHistoryClubMembers).toEqual({
      id: club.id,
      m2025: 14,
      m2026: 19,
      membersByYear: [
        { schoolYear: 2026, members: 19 },
        { schoolYear: 2025, members: 14 },
      ],
    });
    // Recording a year again replaces it.
    const replaced = await setMembers(club.id, 2026, 21);
    expect(replaced.data!.setLocalHistoryClubMembers).toMatchObject({ m2026: 21, membersByYear: [{ schoolYear: 2026, members: 21 }, { schoolYear: 2025, members: 14 }] });
    const unrecorded = await gql(subgraph.url, `query($id: ID!) { localHistoryClub(id: $id) { members(schoolYear: 2024) } }`, { id: club.id });
    expect(unrecorded.data!.localHistoryClub.members).toBeNull();
  });

  it('updates a club', async () => {
    const club = await create();
    const res = await gql(subgraph.url, UPDATE, { id: club.id, input: { leader: 'Жанар Тұрсынова', territory: '791310000' } }, await editorToken());
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateLocalHistoryClub).toMatchObject({ leader: 'Жанар Тұрсынова', territory: { code: '791310000' }, name: club.name });
    const blank = await gql(subgraph.url, UPDATE, { id: club.id, input: { name: '  ' } }, await editorToken());
    expect(blank.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    const unknown = await gql(subgraph.url, UPDATE, { id: '00000000-0000-7000-8000-000000000000', input: { name: 'X' } }, await editorToken());
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it.each([
    ['input.name', { name: '' }],
    ['input.school', { school: '   ' }],
    ['input.leader', { leader: '' }],
    ['input.territory', { territory: '999999999' }],
    ['input.territory', { territory: 'Shymkent' }],
    ['input.foundedYear', { foundedYear: 1800 }],
  ])('names %s when it is invalid, writing nothing', async (field, overrides) => {
    const before = await total();
    const res = await gql(subgraph.url, CREATE, { input: clubInput(overrides) }, await editorToken());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await total()).toBe(before);
  });

  it('validates member counts, naming the field', async () => {
    const club = await create();
    const cases: [string, Record<string, unknown>][] = [
      ['input.schoolYear', { club: club.id, schoolYear: 1999, members: 1 }],
      ['input.members', { club: club.id, schoolYear: 2026, members: -1 }],
      ['input.members', { club: club.id, schoolYear: 2026, members: 10_001 }],
      ['input.club', { club: 'nope', schoolYear: 2026, members: 1 }],
    ];
    for (const [field, input] of cases) {
      const res = await gql(subgraph.url, MEMBERS, { input }, await editorToken());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const unknown = await setMembers('00000000-0000-7000-8000-000000000000', 2026, 1);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.club' });
  });

  it('lets officers manage clubs of their territory only', async () => {
    expect((await gql(subgraph.url, CREATE, { input: clubInput() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const citizen = await gql(subgraph.url, CREATE, { input: clubInput() }, await testToken({ roles: ['citizen'] }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await gql(subgraph.url, CREATE, { input: clubInput() }, await officerToken('750000000'));
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', territoryCode: '791110000' });
    const own = await create({}, await officerToken('790000000'));
    expect((await setMembers(own.id, 2026, 5, await officerToken('790000000'))).errors).toBeUndefined();
    expect((await setMembers(own.id, 2026, 6, await officerToken('750000000'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreignEdit = await gql(subgraph.url, UPDATE, { id: own.id, input: { name: 'X' } }, await officerToken('750000000'));
    expect(foreignEdit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('local history club queries', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    const pavlodar = await create({ territory: '551010000' });
    const pavlodarVillage = await create({ territory: '556000000' });
    const pavlodarPaused = await create({ territory: '551010000' });
    await setMembers(pavlodar.id, 2026, 10);
    await setMembers(pavlodarVillage.id, 2026, 4);
    await setMembers(pavlodarPaused.id, 2025, 8);
    await setMembers(pavlodarPaused.id, 2026, 0);
    ids = { pavlodar: pavlodar.id, pavlodarVillage: pavlodarVillage.id, pavlodarPaused: pavlodarPaused.id };
  });

  it('filters by territory with its subtree and by the year a club is active', async () => {
    const q = async (filter: Record<string, unknown>) =>
      (await gql(subgraph.url, `query($f: LocalHistoryClubFilter) { localHistoryClubs(filter: $f, first: 500) { nodes { id } } }`, { f: filter })).data!.localHistoryClubs.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await q({ territory: '550000000' })).toEqual([ids.pavlodarPaused, ids.pavlodarVillage, ids.pavlodar]);
    expect(await q({ territory: '551010000' })).toEqual([ids.pavlodarPaused, ids.pavlodar]);
    expect(await q({ territory: '550000000', activeIn: 2026 })).toEqual([ids.pavlodarVillage, ids.pavlodar]);
    expect(await q({ territory: '550000000', activeIn: 2025 })).toEqual([ids.pavlodarPaused]);
  });

  it('adds clubs to Territory entities and resolves LocalHistoryClub entities', async () => {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) {
        ... on Territory { code clubs(filter: { activeIn: 2026 }) { totalCount } }
        ... on LocalHistoryClub { id members(schoolYear: 2026) }
      } }`,
      { reps: [{ __typename: 'Territory', code: '550000000' }, { __typename: 'LocalHistoryClub', id: ids.pavlodar }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { code: '550000000', clubs: { totalCount: 2 } },
      { id: ids.pavlodar, members: 10 },
    ]);
  });

  it('loads members for a page in a constant number of statements', async () => {
    const counter = statementCounter(subgraph.db);
    const count = async (first: number) => {
      counter.reset();
      const res = await gql(subgraph.url, `{ localHistoryClubs(first: ${first}) { nodes { id members(schoolYear: 2026) membersByYear { members } } } }`);
      expect(res.errors).toBeUndefined();
      return counter.count;
    };
    expect(await count(1)).toBe(await count(3));
  });
});
