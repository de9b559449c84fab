import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSystem, type TestSystem, testToken } from '@rz/test-support';

/** Ids the demo seeds give (rukhani-qazyna monuments, aqparat-tolqyny plans, items and faces). */
const KZH049 = stableId('monument:KZH049');
const KZH001 = stableId('monument:KZH001');
const itemId = (plan: string, index: number) => stableId(`media-item:${plan}:${index + 1}`);

/** Media coverage across subgraphs: monuments of rukhani-qazyna with the published items of aqparat-tolqyny. */
describe('media coverage through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  }, 180_000);
  afterAll(() => system?.close());

  it('shows a monument with its published media coverage', async () => {
    const res = await gql(
      system.gatewayUrl,
      `query($id: ID!) { monument(id: $id) { id name(lang: EN) territory { code } mediaCoverage { id link channel publishedOn reach status } } }`,
      { id: KZH049 },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.monument).toEqual({
      id: KZH049,
      name: 'Building of the Academy of Sciences',
      territory: { code: '750000000' },
      mediaCoverage: [
        {
          id: itemId('almaty-2026-q4', 2),
          link: 'https://aqshamy.kz/olketanu/zhas-tarikhshylar-akademiya-ghimaratynda',
          channel: 'PRINT',
          publishedOn: '2026-11-13',
          reach: 12000,
          status: 'PUBLISHED',
        },
        {
          id: itemId('almaty-2026-q4', 1),
          link: 'https://almaty.tv/kk/news/ghylym-akademiyasy-ghimaraty-zhanartudan-kejin',
          channel: 'TV',
          publishedOn: '2026-10-27',
          reach: 85000,
          status: 'PUBLISHED',
        },
      ],
    });
  });

  it('goes from a published item to the monument and back across subgraphs', async () => {
    const res = await gql(
      system.gatewayUrl,
      `query($id: ID!) {
        monument(id: $id) {
          name(lang: EN)
          mediaCoverage {
            publishedOn publishedOnTime
            plan { status territory { code name(lang: EN) } }
            subjects { __typename ... on Monument { id name(lang: EN) } ... on Face { id name status } }
          }
        }
      }`,
      { id: KZH001 },
    );
    expect(res.errors).toBeUndefined();
    const yasawi = res.data!.monument;
    expect(yasawi.name).toBe('Mausoleum of Khoja Ahmed Yasawi');
    expect(yasawi.mediaCoverage.map((i: any) => [i.publishedOn, i.publishedOnTime])).toEqual([
      ['2026-08-12', false],
      ['2026-07-10', true],
    ]);
    expect(yasawi.mediaCoverage.every((i: any) => i.plan.status === 'APPROVED' && i.plan.territory.code === '611000000')).toBe(true);
    // The interview covers a featured face and the mausoleum, whose name comes back from rukhani-qazyna.
    expect(yasawi.mediaCoverage[0].subjects).toEqual([
      { __typename: 'Face', id: stableId('face:turkistan-restorer'), name: 'Нұрлан Әбдіқадыров', status: 'FEATURED' },
      { __typename: 'Monument', id: KZH001, name: 'Mausoleum of Khoja Ahmed Yasawi' },
    ]);
  });

  it('lists a territory\'s monuments with coverage and its faces in one query', async () => {
    const res = await gql(
      system.gatewayUrl,
      `{
        territory(code: "750000000") {
          monuments(first: 100) { nodes { id mediaCoverage { id } } }
          faces(first: 20) { totalCount nodes { name status } }
        }
        faceProgress { target regions { region { code name(lang: EN) } chosen } }
      }`,
    );
    expect(res.errors).toBeUndefined();
    const covered = res.data!.territory.monuments.nodes.filter((m: any) => m.mediaCoverage.length);
    expect(covered.map((m: any) => m.id)).toEqual(expect.arrayContaining([KZH049]));
    expect(res.data!.territory.faces.totalCount).toBeGreaterThan(0);
    expect(res.data!.faceProgress.target).toBe(100);
    expect(res.data!.faceProgress.regions.find((r: any) => r.region.code === '610000000')).toEqual({
      region: { code: '610000000', name: 'Turkistan Region' },
      chosen: 2,
    });
  });

  it('publishes an item through the gateway and the monument shows it', async () => {
    const officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'e2e-almaty-officer' });
    const item = itemId('almaty-2026-q4', 3);
    // The demo item is planned for 2026-12-04; publishing it early is on time.
    const published = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { publishMediaItem(id: $id, input: { link: "https://www.instagram.com/p/almaty-medeu-park", publishedOn: "2026-11-20", reach: 3100 }) { status publishedOnTime } }`,
      { id: item },
      officer,
    );
    expect(published.errors).toBeUndefined();
    expect(published.data!.publishMediaItem).toEqual({ status: 'PUBLISHED', publishedOnTime: true });
    const park = await gql(
      system.gatewayUrl,
      `query($id: ID!) { initiative(id: $id) { id mediaCoverage { id publishedOn } } }`,
      { id: stableId('initiative:almaty-park-medeu') },
    );
    expect(park.errors).toBeUndefined();
    expect(park.data!.initiative.mediaCoverage.map((i: any) => i.id)).toEqual([item, itemId('almaty-2026-q4', 0)]);
  });
});
