import { kato, todayInKazakhstan } from '@rz/schema';
import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { aqparatTolqyny } from '../subgraph';
import { startStubGateway, type StubGateway } from '../testing/stub-gateway';

/** Two servers: the default NEW_FACE_MEDIA_LIMIT (3), and one configured to 1; monuments are checked at a stub gateway. */
let subgraph: TestSubgraph;
let strict: TestSubgraph;
let gateway: StubGateway;
beforeAll(async () => {
  gateway = await startStubGateway();
  for (const code of ['KZH200', 'KZH201']) gateway.known.monument.add(stableId(`monument:${code}`));
  [subgraph, strict] = await Promise.all([
    startTestSubgraph(aqparatTolqyny, { seedDemo: true, settings: { GATEWAY_URL: gateway.url } }),
    startTestSubgraph(aqparatTolqyny, { settings: { NEW_FACE_MEDIA_LIMIT: 1, GATEWAY_URL: gateway.url } }),
  ]);
});
afterAll(() => Promise.all([subgraph?.close(), strict?.close(), gateway?.close()]));

const officer = (territory: string) => testToken({ roles: ['akimat_officer'], territory, subject: `officer-${territory}` });
const projectOffice = (territory: string) => testToken({ roles: ['project_office'], territory: kato().region(territory).code, subject: 'office' });
const admin = () => testToken({ roles: ['admin'], subject: 'admin-1' });

const FACE_MEDIA = 'id status featuredAt featuredItem { id } mediaMentions alreadyInMedia mediaCoverage { id publishedOn }';

async function nominateFace(url: string, territory: string, name: string): Promise<string> {
  const res = await gql(
    url,
    `mutation($input: NominateFaceInput!) { nominateFace(input: $input) { id } }`,
    { input: { name, territory, sphere: 'CULTURE', story: { kk: `${name}: ауыл мұражайын ашты.` }, nominatedBy: 'Аудан тұрғындарымен кездесу' } },
    await officer(territory),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.nominateFace.id;
}

async function selectFace(url: string, id: string, territory: string): Promise<void> {
  const shortlisted = await gql(url, `mutation($id: ID!) { changeFaceStatus(id: $id, to: SHORTLISTED) { status } }`, { id }, await officer(territory));
  expect(shortlisted.errors).toBeUndefined();
  const selected = await gql(url, `mutation($id: ID!) { changeFaceStatus(id: $id, to: SELECTED) { status } }`, { id }, await projectOffice(territory));
  expect(selected.errors).toBeUndefined();
}

interface PlannedItem {
  plannedDate: string;
  subjects: { kind: string; id: string }[];
}

/** APPROVED whole-year plans of `territory` holding the items, one plan per year; returns item ids in order. */
async function approvedItems(url: string, territory: string, items: PlannedItem[]): Promise<string[]> {
  const token = await officer(territory);
  const years = [...new Set(items.map((i) => Number(i.plannedDate.slice(0, 4))))];
  const planOfYear = new Map<number, string>();
  for (const year of years) {
    const plan = await gql(
      url,
      `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
      { input: { territory, year, submissionDeadline: `${year}-01-31` } },
      token,
    );
    expect(plan.errors).toBeUndefined();
    planOfYear.set(year, plan.data!.createMediaPlan.id);
  }
  const ids: string[] = [];
  for (const item of items) {
    const added = await gql(
      url,
      `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`,
      {
        planId: planOfYear.get(Number(item.plannedDate.slice(0, 4))),
        input: { channel: 'ONLINE', outlet: 'Kazinform', level: 'REPUBLICAN', format: 'Сұхбат', plannedDate: item.plannedDate, language: 'KK', subjects: item.subjects },
      },
      token,
    );
    expect(added.errors).toBeUndefined();
    ids.push(added.data!.addMediaPlanItem.id);
  }
  for (const planId of planOfYear.values()) {
    expect((await gql(url, `mutation($id: ID!) { submitMediaPlan(id: $id) { status } }`, { id: planId }, token)).errors).toBeUndefined();
    const approved = await gql(url, `mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { status } }`, { id: planId }, await projectOffice(territory));
    expect(approved.errors).toBeUndefined();
  }
  return ids;
}

function publish(url: string, id: string, publishedOn: string, token: string, link = 'https://kazinform.kz/kk/100-zhana-esim') {
  return gql(
    url,
    `mutation($id: ID!, $input: PublishMediaItemInput!) {
      publishMediaItem(id: $id, input: $input) { id status subjects { __typename ... on Face { id status featuredAt } ... on Monument { id } } }
    }`,
    { id, input: { link, publishedOn, reach: 1000 } },
    token,
  );
}

async function face(url: string, id: string) {
  const res = await gql(url, `query($id: ID!) { face(id: $id) { ${FACE_MEDIA} } }`, { id });
  expect(res.errors).toBeUndefined();
  return res.data!.face;
}

/** The calendar day `months` months before `day` (clamped to the month's end). */
function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

function daysBefore(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

describe('automatic FEATURED', () => {
  const territory = '316200000';

  it('features a selected face in the transaction that publishes an item covering it', async () => {
    const selected = await nominateFace(subgraph.url, territory, 'Ерболат Сарыбаев');
    await selectFace(subgraph.url, selected, territory);
    const nominated = await nominateFace(subgraph.url, territory, 'Алия Нұрманова');
    const monument = stableId('monument:KZH200');
    const [first, second] = await approvedItems(subgraph.url, territory, [
      { plannedDate: '2025-09-10', subjects: [{ kind: 'MONUMENT', id: monument }, { kind: 'FACE', id: selected }, { kind: 'FACE', id: nominated }] },
      { plannedDate: '2025-10-10', subjects: [{ kind: 'FACE', id: selected }] },
    ]);
    const token = await officer(territory);

    // A refused publication features nobody.
    const refused = await publish(subgraph.url, first, '2025-09-10', token, 'not a link');
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.link' });
    const future = await publish(subgraph.url, first, daysBefore(todayInKazakhstan(), -1), token);
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.publishedOn' });
    expect(await face(subgraph.url, selected)).toMatchObject({ status: 'SELECTED', featuredAt: null, featuredItem: null, mediaCoverage: [] });

    const res = await publish(subgraph.url, first, '2025-09-11', token);
    expect(res.errors).toBeUndefined();
    const subjects = res.data!.publishMediaItem.subjects;
    expect(subjects.map((s: any) => [s.__typename, s.id, s.status])).toEqual([
      ['Monument', monument, undefined],
      ['Face', selected, 'FEATURED'],
      ['Face', nominated, 'NOMINATED'],
    ]);
    expect(subjects[1].featuredAt).toEqual(expect.any(String));
    expect(await face(subgraph.url, selected)).toMatchObject({
      status: 'FEATURED',
      featuredItem: { id: first },
      mediaCoverage: [{ id: first, publishedOn: '2025-09-11' }],
    });
    // Publication covers a nominee without featuring them: they were never selected.
    expect(await face(subgraph.url, nominated)).toMatchObject({ status: 'NOMINATED', featuredItem: null, mediaCoverage: [{ id: first }] });

    // A featured face is done: no manual step, and later coverage does not re-feature it.
    const decline = await gql(subgraph.url, `mutation($id: ID!) { changeFaceStatus(id: $id, to: DECLINED, reason: "x") { status } }`, { id: selected }, await admin());
    expect(decline.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'FEATURED', to: 'DECLINED' });
    expect((await publish(subgraph.url, second, '2025-10-10', token)).errors).toBeUndefined();
    expect(await face(subgraph.url, selected)).toMatchObject({
      status: 'FEATURED',
      featuredItem: { id: first },
      mediaCoverage: [{ id: second }, { id: first }],
    });
  });

  it('refuses items about unknown or declined faces', async () => {
    const declined = await nominateFace(subgraph.url, territory, 'Бас тартқан үміткер');
    const res = await gql(subgraph.url, `mutation($id: ID!) { changeFaceStatus(id: $id, to: DECLINED, reason: "Басқа облыста тұрады") { status } }`, { id: declined }, await officer(territory));
    expect(res.errors).toBeUndefined();
    const plan = await gql(
      subgraph.url,
      `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
      { input: { territory, year: 2027, submissionDeadline: '2027-01-31' } },
      await officer(territory),
    );
    const token = await officer(territory);
    const addWith = (subjects: { kind: string; id: string }[]) =>
      gql(
        subgraph.url,
        `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id subjects { __typename } } }`,
        { planId: plan.data!.createMediaPlan.id, input: { channel: 'TV', outlet: 'Jambyl TV', level: 'REGIONAL', format: 'Сюжет', plannedDate: '2027-05-05', language: 'KK', subjects } },
        token,
      );
    const monument = { kind: 'MONUMENT', id: stableId('monument:KZH201') };
    const unknown = await addWith([monument, { kind: 'FACE', id: stableId('face:nobody') }]);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subjects.1.id' });
    const refused = await addWith([{ kind: 'FACE', id: declined }]);
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subjects.0.id' });
    const items = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { id } } }`, { id: plan.data!.createMediaPlan.id }, token);
    expect(items.data!.mediaPlan.items).toEqual([]);
  });
});

describe('declined faces in media items', () => {
  it('leaves a face declined after it was planned out of the subjects for those who may not see it', async () => {
    const territory = '316600000';
    const id = await nominateFace(subgraph.url, territory, 'Кейін бас тартқан үміткер');
    const [itemId] = await approvedItems(subgraph.url, territory, [{ plannedDate: '2029-04-04', subjects: [{ kind: 'FACE', id }] }]);
    const declined = await gql(subgraph.url, `mutation($id: ID!) { changeFaceStatus(id: $id, to: DECLINED, reason: "Бас тартты") { status } }`, { id }, await officer(territory));
    expect(declined.errors).toBeUndefined();
    const subjects = async (token?: string) => {
      const res = await gql(
        subgraph.url,
        `{ mediaPlans(filter: { territory: "${territory}", year: 2029 }) { nodes { items { id subjects { __typename ... on Face { id declineReason } } } } } }`,
        {},
        token,
      );
      expect(res.errors).toBeUndefined();
      return res.data!.mediaPlans.nodes.flatMap((p: any) => p.items).find((i: { id: string }) => i.id === itemId).subjects;
    };
    expect(await subjects()).toEqual([]);
    expect(await subjects(await testToken({ roles: ['citizen'] }))).toEqual([]);
    expect(await subjects(await officer(territory))).toEqual([{ __typename: 'Face', id, declineReason: 'Бас тартты' }]);
  });
});

/**
 * A fresh nominee covered by `recent` published items within the last 12 months, one
 * published 13 months ago, and one planned but not published; returns the face id.
 */
async function faceWithCoverage(url: string, territory: string, recent: number): Promise<string> {
  const id = await nominateFace(url, territory, `Үміткер ${recent}`);
  const today = todayInKazakhstan();
  const published = [monthsBefore(today, 13), monthsBefore(today, 11), ...Array.from({ length: recent - 1 }, (_, n) => daysBefore(today, n))];
  const items = await approvedItems(
    url,
    territory,
    [...published, today].map((plannedDate) => ({ plannedDate, subjects: [{ kind: 'FACE', id }] })),
  );
  const token = await officer(territory);
  for (const [index, day] of published.entries()) {
    const res = await publish(url, items[index], day, token);
    expect(res.errors).toBeUndefined();
  }
  return id;
}

describe('"already in the media"', () => {
  it('flags a nominee covered by more than 3 published items in the last 12 months (default limit)', async () => {
    const three = await faceWithCoverage(subgraph.url, '313600000', 3);
    const four = await faceWithCoverage(subgraph.url, '315000000', 4);
    expect(await face(subgraph.url, three)).toMatchObject({ mediaMentions: 3, alreadyInMedia: false });
    expect(await face(subgraph.url, four)).toMatchObject({ mediaMentions: 4, alreadyInMedia: true });
    // The item 13 months old is coverage, but not a recent mention; the planned one is neither.
    expect((await face(subgraph.url, four)).mediaCoverage).toHaveLength(5);
    expect((await face(subgraph.url, three)).status).toBe('NOMINATED');

    const shortlist = await gql(subgraph.url, `{ faceShortlist(territory: "310000000", first: 500) { face { id alreadyInMedia } } }`);
    const flags = new Map(shortlist.data!.faceShortlist.map((e: any) => [e.face.id, e.face.alreadyInMedia]));
    expect([flags.get(three), flags.get(four)]).toEqual([false, true]);
  });

  it('follows NEW_FACE_MEDIA_LIMIT from the subgraph config', async () => {
    const one = await faceWithCoverage(strict.url, '313600000', 1);
    const two = await faceWithCoverage(strict.url, '315000000', 2);
    expect(await face(strict.url, one)).toMatchObject({ mediaMentions: 1, alreadyInMedia: false });
    expect(await face(strict.url, two)).toMatchObject({ mediaMentions: 2, alreadyInMedia: true });
  });
});
