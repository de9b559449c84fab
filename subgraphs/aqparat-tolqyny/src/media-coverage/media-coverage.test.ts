import { stableId, statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { DEMO_SUBJECTS, faceDemoId, mediaItemDemoId } from '../demo/media-plans.seed';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const COVERAGE = 'mediaCoverage { id link channel publishedOn reach status }';
const ENTITIES = `query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Monument { id ${COVERAGE} }
    ... on Initiative { id ${COVERAGE} }
    ... on Event { id ${COVERAGE} }
  }
}`;

const S = DEMO_SUBJECTS;

async function coverageOf(reps: { __typename: string; id: string }[]) {
  const res = await gql(subgraph.url, ENTITIES, { reps });
  expect(res.errors).toBeUndefined();
  return res.data!._entities as { id: string; mediaCoverage: { id: string; link: string; channel: string; publishedOn: string; reach: number; status: string }[] }[];
}

describe('media coverage of other subgraphs\' entities', () => {
  it('adds published items, newest first, to Monument, Initiative and Event', async () => {
    const [kzh049, kzh001, kzh052, park, rally, excursion] = await coverageOf([
      { __typename: 'Monument', id: S.monumentKzh049.id },
      { __typename: 'Monument', id: S.yasawiMausoleum.id },
      { __typename: 'Monument', id: S.monumentKzh052.id },
      { __typename: 'Initiative', id: S.medeuPark.id },
      { __typename: 'Event', id: S.youngHistoriansRally.id },
      { __typename: 'Event', id: S.yasawiExcursion.id },
    ]);
    expect(kzh049).toEqual({
      id: S.monumentKzh049.id,
      mediaCoverage: [
        {
          id: mediaItemDemoId('almaty-2026-q4', 2),
          link: 'https://aqshamy.kz/olketanu/zhas-tarikhshylar-akademiya-ghimaratynda',
          channel: 'PRINT',
          publishedOn: '2026-11-13',
          reach: 12000,
          status: 'PUBLISHED',
        },
        {
          id: mediaItemDemoId('almaty-2026-q4', 1),
          link: 'https://almaty.tv/kk/news/ghylym-akademiyasy-ghimaraty-zhanartudan-kejin',
          channel: 'TV',
          publishedOn: '2026-10-27',
          reach: 85000,
          status: 'PUBLISHED',
        },
      ],
    });
    // Items of the returned Turkistan plan are still planned: only the approved quarter's publications count.
    expect(kzh001.mediaCoverage.map((i) => [i.id, i.publishedOn])).toEqual([
      [mediaItemDemoId('turkistan-city-2026-q3', 1), '2026-08-12'],
      [mediaItemDemoId('turkistan-city-2026-q3', 0), '2026-07-10'],
    ]);
    expect(kzh052.mediaCoverage.map((i) => i.id)).toEqual([mediaItemDemoId('almaty-2026-q4', 1)]);
    expect(park.mediaCoverage.map((i) => i.id)).toEqual([mediaItemDemoId('almaty-2026-q4', 0)]);
    expect(rally.mediaCoverage.map((i) => i.id)).toEqual([mediaItemDemoId('almaty-2026-q4', 2)]);
    // Its only item in an approved plan was cancelled.
    expect(excursion.mediaCoverage).toEqual([]);
  });

  it('answers unknown and malformed keys with no coverage', async () => {
    const res = await coverageOf([
      { __typename: 'Monument', id: stableId('monument:none') },
      { __typename: 'Monument', id: 'KZH049' },
      { __typename: 'Event', id: S.monumentKzh049.id },
      { __typename: 'Monument', id: S.monumentKzh049.id.toUpperCase() },
    ]);
    expect(res.map((e) => e.mediaCoverage.length)).toEqual([0, 0, 0, 2]);
    // The key is echoed as given; the stub resolves without asking the owning subgraph.
    expect(res[1].id).toBe('KZH049');
  });

  it('loads coverage with one statement per kind, whatever the number of entities', async () => {
    const counter = statementCounter(subgraph.db);
    const statementsFor = async (reps: { __typename: string; id: string }[]) => {
      counter.reset();
      await coverageOf(reps);
      return counter.count;
    };
    const monuments = [S.monumentKzh049, S.monumentKzh052, S.yasawiMausoleum].map((s) => ({ __typename: 'Monument', id: s.id }));
    expect(await statementsFor(monuments.slice(0, 1))).toBe(1);
    expect(await statementsFor(monuments)).toBe(1);
    expect(
      await statementsFor([...monuments, { __typename: 'Initiative', id: S.medeuPark.id }, { __typename: 'Event', id: S.yasawiExcursion.id }]),
    ).toBe(3);
  });

  it('declares the stubs resolvable, with mediaCoverage, in the subgraph SDL', async () => {
    const res = await gql(subgraph.url, `{ _service { sdl } }`);
    const sdl: string = res.data!._service.sdl;
    for (const type of ['Initiative', 'Monument', 'Event']) {
      const block = new RegExp(`type ${type}\\s+@key\\(fields: "id"\\)\\s*\\{([^}]*)\\}`).exec(sdl);
      expect(block).not.toBeNull();
      // Nullable, so an outage of this subgraph costs the field, not the other subgraph's entity.
      expect(block![1]).toMatch(/mediaCoverage: \[MediaPlanItem!\]\n/);
    }
    expect(sdl).not.toContain('resolvable: false');
    expect(sdl).toMatch(/union MediaSubject = Initiative \| Monument \| Event \| Face/);
  });

  it('returns faces in item subjects as Face with their fields', async () => {
    const res = await gql(
      subgraph.url,
      `query($id: ID!) { mediaPlan(id: $id) { items { id status subjects { __typename ... on Face { id name status sphere } ... on Monument { id } } } } }`,
      { id: stableId('media-plan:turkistan-city-2026-q3') },
    );
    expect(res.errors).toBeUndefined();
    const items = res.data!.mediaPlan.items;
    expect(items.map((i: { status: string }) => i.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'CANCELLED', 'PLANNED']);
    expect(items[1].subjects).toEqual([
      { __typename: 'Face', id: faceDemoId('turkistan-restorer'), name: 'Нұрлан Әбдіқадыров', status: 'FEATURED', sphere: 'CULTURE' },
      { __typename: 'Monument', id: S.yasawiMausoleum.id },
    ]);
    expect(items[3].subjects).toEqual([{ __typename: 'Face', id: faceDemoId('turkistan-teacher'), name: 'Гүлнар Сейітова', status: 'SELECTED', sphere: 'EDUCATION' }]);

    const featured = await gql(subgraph.url, `query($id: ID!) { face(id: $id) { featuredItem { id publishedOn } mediaCoverage { id } alreadyInMedia mediaMentions } }`, {
      id: faceDemoId('turkistan-restorer'),
    });
    expect(featured.data!.face).toMatchObject({
      featuredItem: { id: mediaItemDemoId('turkistan-city-2026-q3', 1), publishedOn: '2026-08-12' },
      mediaCoverage: [{ id: mediaItemDemoId('turkistan-city-2026-q3', 1) }],
    });
  });
});
