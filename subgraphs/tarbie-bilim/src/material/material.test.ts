import { stableId, statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);
});
afterAll(() => subgraph?.close());

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const officerToken = (territory: string) => testToken({ roles: ['akimat_officer'], territory });

const YASAWI = stableId('monument:KZH001');
const OLD_TURKESTAN = stableId('monument:KZH029');
const OTRAR = stableId('monument:KZH030');
const OTRAR_OASIS = stableId('monument:KZH021');

const FIELDS = `id kind title language authors description territory { code } publishedOn url fileRef monuments { id } createdAt`;
const CREATE = `mutation($input: CreateLocalHistoryMaterialInput!) { createLocalHistoryMaterial(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateLocalHistoryMaterialInput!) { updateLocalHistoryMaterial(id: $id, input: $input) { ${FIELDS} } }`;

function materialInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'BOOK',
    title: 'Түркістан – рухани астана',
    language: 'KK',
    authors: ['Түркістан облыстық тарихи-өлкетану музейі'],
    territory: '610000000',
    publishedOn: '2025-09-01',
    fileRef: 'tarbie-bilim/materials/turkistan.pdf',
    monuments: [YASAWI, OLD_TURKESTAN],
    ...overrides,
  };
}

async function create(overrides: Record<string, unknown> = {}, token?: string) {
  const res = await gql(subgraph.url, CREATE, { input: materialInput(overrides) }, token ?? (await editorToken()));
  expect(res.errors).toBeUndefined();
  return res.data!.createLocalHistoryMaterial;
}

async function total(): Promise<number> {
  return (await gql(subgraph.url, `{ localHistoryMaterials { totalCount } }`)).data!.localHistoryMaterials.totalCount;
}

describe('local history materials', () => {
  it('creates a material with its monuments, and reads it back', async () => {
    const m = await create({ description: '  Оқу құралы  ' });
    expect(m).toMatchObject({
      kind: 'BOOK',
      title: 'Түркістан – рухани астана',
      language: 'KK',
      authors: ['Түркістан облыстық тарихи-өлкетану музейі'],
      description: 'Оқу құралы',
      territory: { code: '610000000' },
      publishedOn: '2025-09-01',
      url: null,
      fileRef: 'tarbie-bilim/materials/turkistan.pdf',
      monuments: [{ id: YASAWI }, { id: OLD_TURKESTAN }],
    });
    const read = await gql(subgraph.url, `query($id: ID!) { localHistoryMaterial(id: $id) { ${FIELDS} } }`, { id: m.id });
    expect(read.data!.localHistoryMaterial).toEqual(m);
    const missing = await gql(subgraph.url, `{ a: localHistoryMaterial(id: "00000000-0000-7000-8000-000000000000") { id } b: localHistoryMaterial(id: "nope") { id } }`);
    expect(missing.data).toEqual({ a: null, b: null });
  });

  it('creates every kind', async () => {
    for (const kind of ['BOOK', 'ARTICLE', 'SCHOOL_STAND', 'VIDEO', 'ARCHIVE_DOCUMENT', 'MUSEUM_EXHIBIT']) {
      expect((await create({ kind })).kind).toBe(kind);
    }
  });

  it('updates fields, replaces monuments and keeps a link or a file', async () => {
    const token = await editorToken();
    const m = await create();
    const res = await gql(
      subgraph.url,
      UPDATE,
      { id: m.id, input: { title: 'Жаңа атау', language: 'RU', url: 'https://example.org/book', fileRef: '', monuments: [OTRAR], authors: ['A', 'B'] } },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateLocalHistoryMaterial).toMatchObject({
      title: 'Жаңа атау',
      language: 'RU',
      url: 'https://example.org/book',
      fileRef: null,
      monuments: [{ id: OTRAR }],
      authors: ['A', 'B'],
      publishedOn: '2025-09-01',
    });
    const nothingLeft = await gql(subgraph.url, UPDATE, { id: m.id, input: { url: '' } }, token);
    expect(nothingLeft.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.url' });
    const still = await gql(subgraph.url, `query($id: ID!) { localHistoryMaterial(id: $id) { url } }`, { id: m.id });
    expect(still.data!.localHistoryMaterial.url).toBe('https://example.org/book');
  });

  it('deletes a material', async () => {
    const m = await create();
    const res = await gql(subgraph.url, `mutation($id: ID!) { deleteLocalHistoryMaterial(id: $id) }`, { id: m.id }, await editorToken());
    expect(res.data!.deleteLocalHistoryMaterial).toBe(m.id);
    expect((await gql(subgraph.url, `query($id: ID!) { localHistoryMaterial(id: $id) { id } }`, { id: m.id })).data!.localHistoryMaterial).toBeNull();
    const again = await gql(subgraph.url, `mutation($id: ID!) { deleteLocalHistoryMaterial(id: $id) }`, { id: m.id }, await editorToken());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it.each([
    ['input.url', { fileRef: undefined }],
    ['input.url', { fileRef: '  ' }],
    ['input.url', { fileRef: undefined, url: 'ftp://example.org/x' }],
    ['input.url', { url: 'not a link' }],
    ['input.title', { title: '' }],
    ['input.title', { title: '   ' }],
    ['input.territory', { territory: '999999999' }],
    ['input.publishedOn', { publishedOn: '01.09.2025' }],
    ['input.publishedOn', { publishedOn: '2025-02-30' }],
    ['input.monuments', { monuments: ['KZH001'] }],
    ['input.monuments.1', { monuments: [YASAWI, YASAWI] }],
    ['input.authors', { authors: Array.from({ length: 21 }, (_, i) => `Author ${i}`) }],
    ['input.authors.0', { authors: ['  '] }],
    ['input.language', { language: 'DE' }],
  ])('names %s when it is invalid, writing nothing', async (field, overrides) => {
    const before = await total();
    const res = await gql(subgraph.url, CREATE, { input: materialInput(overrides) }, await editorToken());
    const extensions = res.errors?.[0].extensions;
    if (field === 'input.language') expect(extensions?.code).toBe('BAD_USER_INPUT');
    else expect(extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await total()).toBe(before);
  });

  it('lets officers manage materials of their territory only', async () => {
    expect((await gql(subgraph.url, CREATE, { input: materialInput() })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const citizen = await gql(subgraph.url, CREATE, { input: materialInput() }, await testToken({ roles: ['citizen'] }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await gql(subgraph.url, CREATE, { input: materialInput() }, await officerToken('750000000'));
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', territoryCode: '610000000' });
    const own = await create({ territory: '611010000' }, await officerToken('610000000'));
    const foreignEdit = await gql(subgraph.url, UPDATE, { id: own.id, input: { title: 'X' } }, await officerToken('750000000'));
    expect(foreignEdit.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const moveOut = await gql(subgraph.url, UPDATE, { id: own.id, input: { territory: '750000000' } }, await officerToken('610000000'));
    expect(moveOut.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreignDelete = await gql(subgraph.url, `mutation($id: ID!) { deleteLocalHistoryMaterial(id: $id) }`, { id: own.id }, await officerToken('750000000'));
    expect(foreignDelete.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('local history material queries', () => {
  let ids: Record<string, string>;
  beforeAll(async () => {
    ids = {
      shymkentVideo: (await create({ kind: 'VIDEO', language: 'RU', territory: '791110000', monuments: [OTRAR_OASIS], fileRef: undefined, url: 'https://example.org/v' })).id,
      shymkentStand: (await create({ kind: 'SCHOOL_STAND', territory: '790000000', monuments: [] })).id,
      pavlodarArticle: (await create({ kind: 'ARTICLE', language: 'EN', territory: '551010000', monuments: [OTRAR_OASIS, YASAWI] })).id,
    };
  });

  it('filters by territory with its subtree, kind, language and monument', async () => {
    const q = async (filter: Record<string, unknown>) =>
      (await gql(subgraph.url, `query($f: LocalHistoryMaterialFilter) { localHistoryMaterials(filter: $f, first: 500) { nodes { id } } }`, { f: filter })).data!
        .localHistoryMaterials.nodes.map((n: { id: string }) => n.id);
    expect(await q({ territory: '790000000' })).toEqual([ids.shymkentStand, ids.shymkentVideo]);
    expect(await q({ territory: '791110000' })).toEqual([ids.shymkentVideo]);
    expect(await q({ territory: '790000000', kind: 'VIDEO' })).toEqual([ids.shymkentVideo]);
    expect(await q({ language: 'EN' })).toEqual([ids.pavlodarArticle]);
    expect(await q({ monument: OTRAR_OASIS })).toEqual([ids.pavlodarArticle, ids.shymkentVideo]);
    const bad = await gql(subgraph.url, `{ localHistoryMaterials(filter: { territory: "123456789" }) { totalCount } }`);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.territory' });
  });

  it('adds localHistory to Territory entities', async () => {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code localHistory(filter: { kind: VIDEO }) { totalCount nodes { id } } } } }`,
      { reps: [{ __typename: 'Territory', code: '790000000' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0]).toEqual({ code: '790000000', localHistory: { totalCount: 1, nodes: [{ id: ids.shymkentVideo }] } });
  });

  it('resolves LocalHistoryMaterial entities by key', async () => {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on LocalHistoryMaterial { id kind monuments { id } } } }`,
      { reps: [{ __typename: 'LocalHistoryMaterial', id: ids.pavlodarArticle }, { __typename: 'LocalHistoryMaterial', id: 'nope' }] },
    );
    expect(res.data!._entities).toEqual([{ id: ids.pavlodarArticle, kind: 'ARTICLE', monuments: [{ id: OTRAR_OASIS }, { id: YASAWI }] }, null]);
  });

  it('loads monuments for a page in a constant number of statements', async () => {
    const counter = statementCounter(subgraph.db);
    const count = async (first: number) => {
      counter.reset();
      const res = await gql(subgraph.url, `{ localHistoryMaterials(first: ${first}) { nodes { id monuments { id } } } }`);
      expect(res.errors).toBeUndefined();
      return counter.count;
    };
    expect(await count(1)).toBe(await count(10));
  });
});
