import { kato, todayInKazakhstan } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { mediaItemDemoId } from '../demo/media-plans.seed';
import { aqparatTolqyny } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const ZHAMBYL = '310000000';
const MERKE = '315400000';
const SHU = '316600000';
const TURKISTAN = '610000000';

const officer = (territory = MERKE) => testToken({ roles: ['akimat_officer'], territory, subject: `officer-${territory}` });
const projectOffice = (territory = ZHAMBYL) => testToken({ roles: ['project_office'], territory, subject: `office-${territory}` });

const ITEM_FIELDS = 'id status link publishedOn reach publishedOnTime cancellationReason plannedDate';

function publish(id: string, input: Record<string, unknown>, token: string) {
  return gql(subgraph.url, `mutation($id: ID!, $input: PublishMediaItemInput!) { publishMediaItem(id: $id, input: $input) { ${ITEM_FIELDS} } }`, { id, input }, token);
}

function cancel(id: string, reason: string | null, token: string) {
  return gql(subgraph.url, `mutation($id: ID!, $reason: String) { cancelMediaItem(id: $id, reason: $reason) { ${ITEM_FIELDS} } }`, { id, reason }, token);
}

async function itemById(planId: string, id: string) {
  const res = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { ${ITEM_FIELDS} } } }`, { id: planId });
  return res.data!.mediaPlan.items.find((i: { id: string }) => i.id === id);
}

/** An APPROVED whole-year plan of `territory` with one PLANNED item per planned date. */
async function approvedPlan(territory: string, year: number, plannedDates: string[]): Promise<{ planId: string; items: string[] }> {
  const token = await officer(territory);
  const created = await gql(
    subgraph.url,
    `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
    { input: { territory, year, submissionDeadline: `${year}-01-31` } },
    token,
  );
  expect(created.errors).toBeUndefined();
  const planId = created.data!.createMediaPlan.id;
  const items: string[] = [];
  for (const plannedDate of plannedDates) {
    const added = await gql(
      subgraph.url,
      `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id } }`,
      { planId, input: { channel: 'TV', outlet: '«Jambyl» TV', level: 'REGIONAL', format: 'Сюжет', plannedDate, language: 'KK' } },
      token,
    );
    expect(added.errors).toBeUndefined();
    items.push(added.data!.addMediaPlanItem.id);
  }
  expect((await gql(subgraph.url, `mutation($id: ID!) { submitMediaPlan(id: $id) { status } }`, { id: planId }, token)).errors).toBeUndefined();
  const approved = await gql(
    subgraph.url,
    `mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { status } }`,
    { id: planId },
    await projectOffice(kato().region(territory).code),
  );
  expect(approved.data!.reviewMediaPlan.status).toBe('APPROVED');
  return { planId, items };
}

function shiftDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const published = { link: 'https://jambyl.tv/kk/news/robototekhnika-uyirmesi', publishedOn: '2025-03-10', reach: 4200 };

describe('publishing media items', () => {
  it('publishes a planned item with link, date and reach, on time when not after the planned date', async () => {
    const { planId, items } = await approvedPlan(MERKE, 2025, ['2025-03-10', '2025-04-01']);
    const onTheDay = await publish(items[0], { ...published, link: 'https://jambyl.tv/kk/news/1' }, await officer());
    expect(onTheDay.errors).toBeUndefined();
    expect(onTheDay.data!.publishMediaItem).toEqual({
      id: items[0],
      status: 'PUBLISHED',
      link: 'https://jambyl.tv/kk/news/1',
      publishedOn: '2025-03-10',
      reach: 4200,
      publishedOnTime: true,
      cancellationReason: null,
      plannedDate: '2025-03-10',
    });
    // The project office of the region may record a publication too; a day late is late.
    const late = await publish(items[1], { ...published, publishedOn: '2025-04-02', reach: 0 }, await projectOffice());
    expect(late.data!.publishMediaItem).toMatchObject({ status: 'PUBLISHED', reach: 0, publishedOnTime: false });
    expect(await itemById(planId, items[1])).toMatchObject({ status: 'PUBLISHED', publishedOn: '2025-04-02' });
  });

  it('validates link, date and reach, naming the field and changing nothing', async () => {
    const { planId, items } = await approvedPlan(SHU, 2025, ['2025-05-05']);
    const tomorrow = shiftDays(todayInKazakhstan(), 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...published, link: 'jambyl.tv/kk/news' }, 'input.link'],
      [{ ...published, link: ' https://jambyl.tv/kk/news ' }, 'input.link'],
      [{ ...published, link: 'ftp://jambyl.tv/video.mp4' }, 'input.link'],
      [{ ...published, link: 'javascript:alert(1)' }, 'input.link'],
      [{ ...published, link: `https://jambyl.tv/${'x'.repeat(2000)}` }, 'input.link'],
      [{ ...published, publishedOn: '2025-02-30' }, 'input.publishedOn'],
      [{ ...published, publishedOn: '10.03.2025' }, 'input.publishedOn'],
      [{ ...published, publishedOn: tomorrow }, 'input.publishedOn'],
      [{ ...published, publishedOn: '2024-12-31' }, 'input.publishedOn'],
      [{ ...published, reach: -1 }, 'input.reach'],
    ];
    for (const [input, field] of cases) {
      const res = await publish(items[0], input, await officer(SHU));
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const fraction = await publish(items[0], { ...published, reach: 1.5 }, await officer(SHU));
    expect(fraction.errors).toBeDefined();
    expect(await itemById(planId, items[0])).toMatchObject({ status: 'PLANNED', link: null, publishedOn: null, reach: null, publishedOnTime: null });
  });

  it('closes an item once: PLANNED -> PUBLISHED or CANCELLED, nothing after', async () => {
    const { planId, items } = await approvedPlan('314000000', 2025, ['2025-06-01', '2025-06-02']);
    const token = await officer('314000000');
    expect((await publish(items[0], published, token)).errors).toBeUndefined();
    const again = await publish(items[0], { ...published, reach: 1 }, token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PUBLISHED', to: 'PUBLISHED' });
    const cancelPublished = await cancel(items[0], null, token);
    expect(cancelPublished.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PUBLISHED', to: 'CANCELLED' });
    expect(await itemById(planId, items[0])).toMatchObject({ status: 'PUBLISHED', reach: 4200 });

    const tooLong = await cancel(items[1], 'x'.repeat(1001), token);
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const cancelled = await cancel(items[1], '  Эфир перенесён на следующий год ', token);
    expect(cancelled.data!.cancelMediaItem).toMatchObject({ status: 'CANCELLED', cancellationReason: 'Эфир перенесён на следующий год', publishedOnTime: null, link: null });
    const publishCancelled = await publish(items[1], published, token);
    expect(publishCancelled.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'CANCELLED', to: 'PUBLISHED' });
    expect((await cancel(items[1], null, token)).errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'CANCELLED', to: 'CANCELLED' });
  });

  it('publishes only from an approved plan', async () => {
    const draftItem = mediaItemDemoId('zhambyl-2027-q1', 0);
    const res = await publish(draftItem, { ...published, publishedOn: todayInKazakhstan() }, await officer(ZHAMBYL));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PLANNED', to: 'PUBLISHED', planStatus: 'DRAFT' });
    const submittedItem = mediaItemDemoId('turkistan-city-2026-q4', 0);
    const refused = await cancel(submittedItem, null, await testToken({ roles: ['admin'] }));
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', planStatus: 'SUBMITTED' });
  });

  it('lets only the plan\'s akimat, its region\'s project office and admins close items', async () => {
    const { planId, items } = await approvedPlan('314800000', 2025, ['2025-07-01', '2025-07-02']);
    const refused = [
      await officer(SHU),
      await projectOffice(TURKISTAN),
      await testToken({ roles: ['citizen'], subject: 'resident-1' }),
      await testToken({ roles: ['ngo'], subject: 'ngo-1' }),
    ];
    for (const token of refused) {
      expect((await publish(items[0], published, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await cancel(items[0], null, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await gql(subgraph.url, `mutation($id: ID!) { cancelMediaItem(id: $id) { id } }`, { id: items[0] });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await itemById(planId, items[0])).toMatchObject({ status: 'PLANNED' });
    // A regional akimat officer acts on the district's plan.
    expect((await publish(items[0], published, await officer(ZHAMBYL))).errors).toBeUndefined();
    expect((await cancel(items[1], null, await testToken({ roles: ['admin'] }))).errors).toBeUndefined();

    const missing = await publish('00000000-0000-7000-8000-000000000000', published, await testToken({ roles: ['admin'] }));
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await cancel('KZH001', null, await testToken({ roles: ['admin'] }));
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});
