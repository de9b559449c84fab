import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { rukhaniQazyna } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna' });

describe('monuments', () => {
  it('lists the imported reference monuments of a region with its subtree', async () => {
    const res = await gql(subgraph.url, `{
      monuments(filter: { territory: "610000000" }, first: 50) {
        totalCount
        nodes { id name(lang: EN) type territory { code name(lang: EN) } location { lat lon } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const names = res.data!.monuments.nodes.map((m: { name: string }) => m.name);
    expect(names).toContain('Mausoleum of Khoja Ahmed Yasawi');
    expect(res.data!.monuments.totalCount).toBe(names.length);
    expect(res.data!.monuments.nodes.every((m: any) => m.territory.code === '610000000')).toBe(true);
  });

  it('pages with cursors without gaps or repeats', async () => {
    const all = await gql(subgraph.url, `{ monuments(first: 500) { totalCount nodes { id } } }`);
    const total = all.data!.monuments.totalCount;
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(subgraph.url, `query($after: String) { monuments(first: 7, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, { after });
      seen.push(...page.data.monuments.nodes.map((n: { id: string }) => n.id));
      after = page.data.monuments.pageInfo.hasNextPage ? page.data.monuments.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.data!.monuments.nodes.map((n: { id: string }) => n.id));
    expect(new Set(seen).size).toBe(total);
  });

  it('creates a monument for an editor and rejects an unknown territory naming the code, writing nothing', async () => {
    const token = await editorToken();
    const before = await gql(subgraph.url, `{ monuments { totalCount } }`);
    const bad = await gql(
      subgraph.url,
      `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`,
      { input: { name: { kk: 'Тест' }, type: 'ARCHITECTURAL', significance: 'LOCAL', territory: '999999999' } },
      token,
    );
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory', territoryCode: '999999999' });
    const after = await gql(subgraph.url, `{ monuments { totalCount } }`);
    expect(after.data!.monuments.totalCount).toBe(before.data!.monuments.totalCount);

    const good = await gql(
      subgraph.url,
      `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id name(lang: RU) territory { code } } }`,
      { input: { name: { kk: 'Бекет ата кесенесі' }, type: 'SACRED_SITE', significance: 'LOCAL', territory: '470000000', location: { lat: 43.59, lon: 54.07 } } },
      token,
    );
    expect(good.errors).toBeUndefined();
    expect(good.data!.createMonument).toMatchObject({ name: 'Бекет ата кесенесі', territory: { code: '470000000' } });
  });

  it('rejects coordinates outside Kazakhstan with a coded error naming the field', async () => {
    const res = await gql(
      subgraph.url,
      `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`,
      { input: { name: { en: 'Nowhere' }, type: 'ARCHITECTURAL', significance: 'LOCAL', territory: '470000000', location: { lat: 10, lon: 54 } } },
      await editorToken(),
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.location.lat' });
  });

  it('refuses edits from anonymous callers and from other ministries', async () => {
    const mutation = `mutation { createMonument(input: { name: { en: "X" }, type: ARCHITECTURAL, significance: LOCAL, territory: "470000000" }) { id } }`;
    const anonymous = await gql(subgraph.url, mutation);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const otherMinistry = await gql(subgraph.url, mutation, {}, await testToken({ roles: ['ministry_editor'], subprogramme: 'atameken' }));
    expect(otherMinistry.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('resolves Monument entities by key (_entities)', async () => {
    const list = await gql(subgraph.url, `{ monuments(first: 2) { nodes { id } } }`);
    const ids = list.data!.monuments.nodes.map((n: { id: string }) => n.id);
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Monument { id name(lang: EN) } } }`,
      { reps: [...ids.map((id: string) => ({ __typename: 'Monument', id })), { __typename: 'Monument', id: '00000000-0000-7000-8000-000000000000' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.slice(0, 2).map((e: { id: string }) => e.id)).toEqual(ids);
    expect(res.data!._entities[2]).toBeNull();
  });

  it('resolves Territory entities by code with the monuments this subgraph adds', async () => {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code name(lang: EN) level monuments { totalCount } } } }`,
      { reps: [{ __typename: 'Territory', code: '750000000' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0]).toMatchObject({ code: '750000000', name: 'Almaty', level: 'REGION' });
    expect(res.data!._entities[0].monuments.totalCount).toBeGreaterThan(0);
    const unknown = await gql(subgraph.url, `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code } } }`, {
      reps: [{ __typename: 'Territory', code: '000000001' }],
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', territoryCode: '000000001' });
  });
});
