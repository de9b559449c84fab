import { distanceKm } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { monumentDemoId } from '../demo/monuments.seed';
import { rukhaniQazyna } from '../subgraph';

let subgraph: TestSubgraph;
let aishaBibiKk: string;
let all: { id: string; location: { lat: number; lon: number } | null; territory: { code: string } }[];

const create = async (input: Record<string, unknown>) => {
  const res = await gql(
    subgraph.url,
    `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`,
    { input },
    await testToken({ roles: ['ministry_editor'], subprogramme: 'rukhani-qazyna' }),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.createMonument.id as string;
};

beforeAll(async () => {
  subgraph = await startTestSubgraph(rukhaniQazyna, { seedDemo: true });
  // A name only in Kazakh, with ә and і, found by typing base letters.
  aishaBibiKk = await create({ name: { kk: 'Әйша бибі кесенесі' }, type: 'ARCHITECTURAL', significance: 'REPUBLICAN', territory: '310000000' });
  const res = await gql(subgraph.url, `{ monuments(first: 500) { nodes { id location { lat lon } territory { code } } } }`);
  all = res.data!.monuments.nodes;
});
afterAll(() => subgraph?.close());

async function search(text: string, extra = ''): Promise<string[]> {
  const res = await gql(subgraph.url, `query($text: String) { monuments(first: 100, filter: { search: $text ${extra} }) { totalCount nodes { id } } }`, { text });
  expect(res.errors).toBeUndefined();
  expect(res.data!.monuments.totalCount).toBe(res.data!.monuments.nodes.length);
  return res.data!.monuments.nodes.map((n: { id: string }) => n.id).sort();
}

const YASAWI = monumentDemoId('KZH001');

describe('monument search by name', () => {
  it('finds a Russian name whatever the case ("ясауи", "ЯСАУИ", "Ясауи")', async () => {
    for (const text of ['ясауи', 'ЯСАУИ', 'Ясауи', '  ясауи  ']) expect(await search(text)).toEqual([YASAWI]);
  });

  it('finds an English name whatever the case or accents typed ("yasawi", "YASAWI", "Yasáwí")', async () => {
    for (const text of ['yasawi', 'YASAWI', 'Yasáwí', 'khoja ahmed yasawi']) expect(await search(text)).toEqual([YASAWI]);
  });

  it('finds Kazakh names typed with base letters, or in capitals with Kazakh letters', async () => {
    // The reference row "Мавзолей Айша-биби" (Russian) matches too: same letters once folded.
    const aishaBibi = [aishaBibiKk, monumentDemoId('KZH064')].sort();
    expect(await search('айша биби')).toEqual(aishaBibi);
    expect(await search('ӘЙША БИБІ')).toEqual(aishaBibi);
    expect(await search('кесенеси')).toEqual([aishaBibiKk]);
    expect(await search('бибі кесенесі')).toEqual([aishaBibiKk]);
    // Reference names written with ұ, ө, ә, і.
    expect(await search('узын ата')).toEqual([monumentDemoId('KZH031')]);
    expect(await search('ОЗБЕКАЛИ ЖАНИБЕКОВА')).toEqual([monumentDemoId('KZH033')]);
    expect(await search('Өзбекәлі')).toEqual([monumentDemoId('KZH033')]);
  });

  it('matches every word in any order, ignoring punctuation, across languages', async () => {
    expect(await search('мавзолей ясауи')).toEqual([YASAWI]);
    expect(await search('yasawi mausoleum')).toEqual([YASAWI]);
    expect(await search('Арыстан-баб')).toEqual([monumentDemoId('KZH028')]);
    expect(await search('ясауи tamgaly')).toEqual([]);
    expect(await search('no such monument')).toEqual([]);
  });

  it('combines the name with territory and type filters', async () => {
    expect(await search('мавзолей', 'territory: "310000000"')).toEqual([monumentDemoId('KZH064'), monumentDemoId('KZH065')].sort());
    expect(await search('бибі', 'territory: "310000000"')).toEqual([aishaBibiKk, monumentDemoId('KZH064')].sort());
    expect(await search('кесенеси', 'territory: "610000000"')).toEqual([]);
    // "mausolea" is a spelling variant of "mausoleum": the Begazy-Dandybai megalithic mausolea.
    expect(await search('mausoleum', 'type: ARCHAEOLOGICAL')).toEqual([monumentDemoId('KZH016')]);
    expect(await search('petroglyphs', 'type: ARCHITECTURAL')).toEqual([]);
  });

  it('tolerates transliteration and spelling variants ("ясави" finds "Ясауи"), ranked by relevance', async () => {
    const ranked = async (text: string, first = 10) => {
      const res = await gql(subgraph.url, `query($text: String, $first: Int!, $after: String) { monuments(first: $first, after: $after, filter: { search: $text }) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`, { text, first });
      expect(res.errors).toBeUndefined();
      return res.data!.monuments;
    };
    for (const text of ['ясави', 'Ясави', 'йасауи', 'yasavi', 'Jasaui', 'мавзолей ходжи ахмеда ясави']) {
      expect((await ranked(text)).nodes[0]).toEqual({ id: YASAWI });
    }
    // A spelling variant ranks below the names with the word as typed: "mausolea" comes after every "mausoleum".
    const mausoleums = (await ranked('mausoleum', 100)).nodes.map((n: { id: string }) => n.id);
    expect(mausoleums.length).toBeGreaterThan(2);
    expect(mausoleums.at(-1)).toBe(monumentDemoId('KZH016'));
    // Pages of a ranked search follow on without repeats or gaps.
    const all = (await ranked('мавзолей', 100)).nodes.map((n: { id: string }) => n.id);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await gql(subgraph.url, `query($after: String) { monuments(first: 3, after: $after, filter: { search: "мавзолей" }) { nodes { id } pageInfo { hasNextPage endCursor } } }`, { after });
      expect(res.errors).toBeUndefined();
      paged.push(...res.data.monuments.nodes.map((n: { id: string }) => n.id));
      after = res.data.monuments.pageInfo.hasNextPage ? res.data.monuments.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(3);
    // Unrelated names stay out.
    expect((await ranked('ясави тамгалы')).totalCount).toBe(0);
  });

  it('treats LIKE wildcards in the text as plain characters', async () => {
    expect(await search('%')).toEqual([]);
    expect(await search('_')).toEqual([]);
  });
});

describe('monuments by place', () => {
  const withPoint = () => all.filter((m) => m.location);

  it('returns the nearest monuments by great-circle distance, within the radius, nearest first', async () => {
    const turkistan = { lat: 43.3, lon: 68.25 };
    for (const radiusKm of [5, 60, 300, 1500]) {
      const expected = withPoint()
        .map((m) => ({ id: m.id, d: distanceKm(turkistan, m.location!) }))
        .filter((m) => m.d <= radiusKm)
        .sort((a, b) => a.d - b.d || a.id.localeCompare(b.id))
        .slice(0, 20);
      const res = await gql(
        subgraph.url,
        `query($point: GeoPointInput!, $r: Float!) { nearestMonuments(point: $point, radiusKm: $r, first: 20) { distanceKm monument { id } } }`,
        { point: turkistan, r: radiusKm },
      );
      expect(res.errors).toBeUndefined();
      const got = res.data!.nearestMonuments;
      expect(got.map((n: any) => n.monument.id)).toEqual(expected.map((e) => e.id));
      got.forEach((n: any, i: number) => expect(n.distanceKm).toBeCloseTo(expected[i].d, 6));
    }
  });

  it('puts the Yasawi mausoleum first near Turkistan and honours other filters', async () => {
    const res = await gql(
      subgraph.url,
      `{ nearestMonuments(point: { lat: 43.3, lon: 68.27 }, radiusKm: 100, first: 3, filter: { type: ARCHAEOLOGICAL }) { distanceKm monument { id type } } }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.nearestMonuments.every((n: any) => n.monument.type === 'ARCHAEOLOGICAL')).toBe(true);
    const near = await gql(subgraph.url, `{ nearestMonuments(point: { lat: 43.2977, lon: 68.2711 }, first: 1) { distanceKm monument { id } } }`);
    expect(near.data!.nearestMonuments[0].monument.id).toBe(YASAWI);
    expect(near.data!.nearestMonuments[0].distanceKm).toBeLessThan(0.1);
  });

  it('rejects a radius or count out of range with the field named', async () => {
    const radius = await gql(subgraph.url, `{ nearestMonuments(point: { lat: 43.3, lon: 68.2 }, radiusKm: 0) { distanceKm } }`);
    expect(radius.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'radiusKm' });
    const count = await gql(subgraph.url, `{ nearestMonuments(point: { lat: 43.3, lon: 68.2 }, first: 1000) { distanceKm } }`);
    expect(count.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('lists the monuments inside a map viewport', async () => {
    const box = { south: 42.5, west: 67.5, north: 44, east: 72 };
    const expected = withPoint()
      .filter((m) => m.location!.lat >= box.south && m.location!.lat <= box.north && m.location!.lon >= box.west && m.location!.lon <= box.east)
      .map((m) => m.id)
      .sort();
    expect(expected.length).toBeGreaterThan(3);
    const res = await gql(subgraph.url, `query($box: BoundingBoxInput) { monuments(first: 100, filter: { within: $box }) { nodes { id } } }`, { box });
    expect(res.errors).toBeUndefined();
    expect(res.data!.monuments.nodes.map((n: any) => n.id).sort()).toEqual(expected);
    const inverted = await gql(subgraph.url, `query($box: BoundingBoxInput) { monuments(filter: { within: $box }) { totalCount } }`, {
      box: { ...box, south: 45 },
    });
    expect(inverted.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.within.south' });
  });
});
