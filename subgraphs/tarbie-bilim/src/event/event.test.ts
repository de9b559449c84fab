import { createLogger } from '@rz/service-kit';
import { stableId, statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { DEMO_EVENTS, eventDemoId, seedEvents } from '../demo/events.seed';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const officerToken = (territory: string) => testToken({ roles: ['akimat_officer'], territory });

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id status title(lang: RU) territory { code } monumentsVisited { id } } }`;
const CHANGE = `mutation($id: ID!, $to: EventStatus!) { changeEventStatus(id: $id, to: $to) { id status } }`;

function eventInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'EXCURSION',
    baseProject: 'OLKETANU',
    title: { kk: 'Тамғалы петроглифтеріне экскурсия', ru: 'Экскурсия к петроглифам Тамгалы' },
    startsAt: '2027-05-10T04:00:00.000Z',
    endsAt: '2027-05-10T12:00:00.000Z',
    territory: '750000000',
    venue: 'Тамғалы',
    capacity: 40,
    organiser: 'Алматы қаласының білім басқармасы',
    ...overrides,
  };
}

async function totalEvents(): Promise<number> {
  const res = await gql(subgraph.url, `{ events { totalCount } }`);
  return res.data!.events.totalCount;
}

async function createEvent(overrides: Record<string, unknown> = {}, token?: string) {
  const res = await gql(subgraph.url, CREATE, { input: eventInput(overrides) }, token ?? (await editorToken()));
  expect(res.errors).toBeUndefined();
  return res.data!.createEvent as { id: string; status: string };
}

async function statusOf(id: string): Promise<string> {
  const res = await gql(subgraph.url, `query($id: ID!) { event(id: $id) { status } }`, { id });
  return res.data!.event.status;
}

describe('event lifecycle', () => {
  it('moves PLANNED -> REGISTRATION_OPEN -> ONGOING -> COMPLETED and refuses skips and moves out of final states', async () => {
    const token = await editorToken();
    const { id, status } = await createEvent();
    expect(status).toBe('PLANNED');

    const skip = await gql(subgraph.url, CHANGE, { id, to: 'ONGOING' }, token);
    expect(skip.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'PLANNED', to: 'ONGOING' });
    expect(await statusOf(id)).toBe('PLANNED');

    for (const to of ['REGISTRATION_OPEN', 'ONGOING', 'COMPLETED']) {
      const res = await gql(subgraph.url, CHANGE, { id, to }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.changeEventStatus.status).toBe(to);
    }

    const reopen = await gql(subgraph.url, CHANGE, { id, to: 'CANCELLED' }, token);
    expect(reopen.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'COMPLETED', to: 'CANCELLED' });
    expect(await statusOf(id)).toBe('COMPLETED');

    const edit = await gql(subgraph.url, `mutation($id: ID!) { updateEvent(id: $id, input: { venue: "Other" }) { id } }`, { id }, token);
    expect(edit.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id', status: 'COMPLETED' });
  });

  it('cancels from PLANNED, REGISTRATION_OPEN and ONGOING, and a cancelled event stays cancelled', async () => {
    const token = await editorToken();
    const paths = [[], ['REGISTRATION_OPEN'], ['REGISTRATION_OPEN', 'ONGOING']];
    for (const path of paths) {
      const { id } = await createEvent();
      for (const to of [...path, 'CANCELLED']) {
        const res = await gql(subgraph.url, CHANGE, { id, to }, token);
        expect(res.errors).toBeUndefined();
      }
      const back = await gql(subgraph.url, CHANGE, { id, to: 'PLANNED' }, token);
      expect(back.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'CANCELLED', to: 'PLANNED' });
      expect(await statusOf(id)).toBe('CANCELLED');
    }
  });

  it('refuses a status change of an unknown event as NOT_FOUND', async () => {
    const res = await gql(subgraph.url, CHANGE, { id: '00000000-0000-7000-8000-000000000000', to: 'CANCELLED' }, await editorToken());
    expect(res.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('event authorization', () => {
  it('refuses anonymous callers as UNAUTHENTICATED', async () => {
    const res = await gql(subgraph.url, CREATE, { input: eventInput() });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets an officer act inside their territory only', async () => {
    const almaty = await officerToken('750000000');
    const inside = await gql(subgraph.url, CREATE, { input: eventInput({ territory: '751710000' }) }, almaty);
    expect(inside.errors).toBeUndefined();

    const before = await totalEvents();
    const outside = await gql(subgraph.url, CREATE, { input: eventInput({ territory: '750000000' }) }, await officerToken('610000000'));
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', territoryCode: '750000000' });
    // Refused before the rest of the input is judged.
    const blankOutside = await gql(subgraph.url, CREATE, { input: eventInput({ title: { kk: ' ' } }) }, await officerToken('610000000'));
    expect(blankOutside.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await totalEvents()).toBe(before);

    const foreignChange = await gql(subgraph.url, CHANGE, { id: inside.data!.createEvent.id, to: 'CANCELLED' }, await officerToken('610000000'));
    expect(foreignChange.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ownChange = await gql(subgraph.url, CHANGE, { id: inside.data!.createEvent.id, to: 'REGISTRATION_OPEN' }, almaty);
    expect(ownChange.errors).toBeUndefined();

    const moveAway = await gql(
      subgraph.url,
      `mutation($id: ID!) { updateEvent(id: $id, input: { territory: "610000000" }) { id } }`,
      { id: inside.data!.createEvent.id },
      almaty,
    );
    expect(moveAway.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses editors of another subprogramme and other roles', async () => {
    const otherEditor = await gql(subgraph.url, CREATE, { input: eventInput() }, await testToken({ roles: ['ministry_editor'], subprogramme: 'atameken' }));
    expect(otherEditor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const citizen = await gql(subgraph.url, CREATE, { input: eventInput() }, await testToken({ roles: ['citizen'], territory: '750000000' }));
    expect(citizen.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('lets an admin act anywhere', async () => {
    const res = await gql(subgraph.url, CREATE, { input: eventInput({ territory: '470000000' }) }, await testToken({ roles: ['admin'] }));
    expect(res.errors).toBeUndefined();
  });
});

describe('event input', () => {
  it('rejects an unknown territory naming the field, writing nothing', async () => {
    const before = await totalEvents();
    const res = await gql(subgraph.url, CREATE, { input: eventInput({ territory: '999999999' }) }, await editorToken());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory', territoryCode: '999999999' });
    expect(await totalEvents()).toBe(before);
  });

  it('rejects an end before the start naming input.endsAt, writing nothing', async () => {
    const before = await totalEvents();
    const res = await gql(subgraph.url, CREATE, { input: eventInput({ endsAt: '2027-05-09T12:00:00.000Z' }) }, await editorToken());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
    expect(await totalEvents()).toBe(before);

    const { id } = await createEvent();
    const update = await gql(
      subgraph.url,
      `mutation($id: ID!) { updateEvent(id: $id, input: { endsAt: "2027-05-01T00:00:00Z" }) { id } }`,
      { id },
      await editorToken(),
    );
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endsAt' });
  });

  it.each([
    ['input.title', { title: { kk: '  ' } }],
    ['input.organiser', { organiser: '   ' }],
    ['input.capacity', { capacity: 0 }],
    ['input.capacity', { capacity: 100_001 }],
    ['input.monumentsVisited', { monumentsVisited: ['KZH001'] }],
    ['input.monumentsVisited', { monumentsVisited: Array.from({ length: 51 }, (_, i) => stableId(`monument:many-${i}`)) }],
    ['input.monumentsVisited.1', { monumentsVisited: [stableId('monument:KZH001'), stableId('monument:KZH001')] }],
  ])('names %s when it is invalid', async (field, overrides) => {
    const before = await totalEvents();
    const res = await gql(subgraph.url, CREATE, { input: eventInput(overrides) }, await editorToken());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await totalEvents()).toBe(before);
  });
});

describe('event federation', () => {
  it('resolves Event entities by key (_entities), null for unknown ids', async () => {
    const ids = [eventDemoId('turkistan-yasawi-excursion'), eventDemoId('almaty-young-historians-rally')];
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Event { id kind title(lang: EN) monumentsVisited { id } } } }`,
      { reps: [...ids.map((id) => ({ __typename: 'Event', id })), { __typename: 'Event', id: '00000000-0000-7000-8000-000000000000' }, { __typename: 'Event', id: 'nope' }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.slice(0, 2).map((e: { id: string }) => e.id)).toEqual(ids);
    expect(res.data!._entities[0]).toMatchObject({ kind: 'EXCURSION', monumentsVisited: [{ id: stableId('monument:KZH001') }] });
    expect(res.data!._entities.slice(2)).toEqual([null, null]);
  });

  it('adds events to Territory entities', async () => {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code events { totalCount } } } }`,
      { reps: [{ __typename: 'Territory', code: '610000000' }, { __typename: 'Territory', code: '710000000' }] },
    );
    expect(res.errors).toBeUndefined();
    const direct = await gql(subgraph.url, `{ events(filter: { territory: "610000000" }) { totalCount } }`);
    expect(res.data!._entities[0]).toEqual({ code: '610000000', events: { totalCount: direct.data!.events.totalCount } });
    expect(res.data!._entities[0].events.totalCount).toBeGreaterThanOrEqual(3);
    expect(res.data!._entities[1].events.totalCount).toBeGreaterThanOrEqual(2);
  });
});

describe('event queries', () => {
  it('filters by territory with its subtree', async () => {
    const region = await gql(subgraph.url, `{ events(filter: { territory: "750000000" }, first: 500) { totalCount nodes { id territory { code region { code } } } } }`);
    expect(region.errors).toBeUndefined();
    const nodes = region.data!.events.nodes as { id: string; territory: { code: string; region: { code: string } } }[];
    expect(nodes.every((n) => n.territory.region.code === '750000000')).toBe(true);
    expect(nodes.map((n) => n.id)).toContain(eventDemoId('almaty-young-historians-rally'));
    expect(nodes.some((n) => n.territory.code === '751710000')).toBe(true);

    const district = await gql(subgraph.url, `{ events(filter: { territory: "751710000" }, first: 500) { nodes { territory { code } } } }`);
    expect(district.data!.events.nodes.every((n: { territory: { code: string } }) => n.territory.code === '751710000')).toBe(true);

    const zhambyl = await gql(subgraph.url, `{ territory(code: "310000000") { events(filter: { kind: EXCURSION }) { nodes { id kind } } } }`);
    expect(zhambyl.data!.territory.events.nodes).toEqual([{ id: eventDemoId('zhambyl-aisha-bibi-excursion'), kind: 'EXCURSION' }]);
  });

  it('filters by kind, base project, status and period', async () => {
    const res = await gql(
      subgraph.url,
      `{ events(filter: { baseProject: OLKETANU, status: COMPLETED, from: "2026-10-01T00:00:00Z", to: "2026-10-31T23:59:59Z" }, first: 500) { nodes { id baseProject status } } }`,
    );
    expect(res.errors).toBeUndefined();
    const ids = res.data!.events.nodes.map((n: { id: string }) => n.id);
    expect(ids).toEqual(expect.arrayContaining([eventDemoId('almaty-olketanu-olympiad'), eventDemoId('turkistan-olketanu-competition')]));
    expect(ids).not.toContain(eventDemoId('astana-bozok-expedition'));
    const webinars = await gql(subgraph.url, `{ events(filter: { kind: WEBINAR, status: CANCELLED }) { nodes { id } } }`);
    expect(webinars.data!.events.nodes).toEqual([{ id: eventDemoId('almaty-career-webinar') }]);
  });

  it('pages with cursors without gaps or repeats', async () => {
    const all = await gql(subgraph.url, `{ events(first: 500) { totalCount nodes { id } } }`);
    const total = all.data!.events.totalCount;
    expect(total).toBeGreaterThan(10);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(subgraph.url, `query($after: String) { events(first: 4, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, { after });
      seen.push(...page.data.events.nodes.map((n: { id: string }) => n.id));
      after = page.data.events.pageInfo.hasNextPage ? page.data.events.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.data!.events.nodes.map((n: { id: string }) => n.id));
    expect(new Set(seen).size).toBe(total);
  });

  it('returns monumentsVisited as Monument stubs in visiting order, replaced on update', async () => {
    const rally = await gql(subgraph.url, `query($id: ID!) { event(id: $id) { monumentsVisited { id } } }`, { id: eventDemoId('almaty-young-historians-rally') });
    expect(rally.data!.event.monumentsVisited).toEqual([{ id: stableId('monument:KZH049') }, { id: stableId('monument:KZH052') }]);

    const order = ['KZH052', 'KZH001', 'KZH049'].map((s) => stableId(`monument:${s}`));
    const created = await createEvent({ monumentsVisited: order });
    expect(created).toMatchObject({ monumentsVisited: order.map((id) => ({ id })) });

    const reordered = [order[2], order[0]];
    const updated = await gql(
      subgraph.url,
      `mutation($id: ID!, $m: [ID!]) { updateEvent(id: $id, input: { monumentsVisited: $m }) { monumentsVisited { id } } }`,
      { id: created.id, m: reordered },
      await editorToken(),
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateEvent.monumentsVisited).toEqual(reordered.map((id) => ({ id })));
  });

  it('loads monumentsVisited for a page in a constant number of statements', async () => {
    const counter = statementCounter(subgraph.db);
    const count = async (first: number) => {
      counter.reset();
      const res = await gql(subgraph.url, `{ events(first: ${first}) { nodes { id monumentsVisited { id } } } }`);
      expect(res.errors).toBeUndefined();
      return counter.count;
    };
    expect(await count(2)).toBe(await count(12));
    expect(await count(12)).toBeLessThanOrEqual(3);
  });

  it('serves titles in the reader\'s language with fallback', async () => {
    const res = await gql(
      subgraph.url,
      `query($id: ID!) { event(id: $id) { kk: title ru: title(lang: RU) en: title(lang: EN) titles { kk ru en } territory { code } } }`,
      { id: eventDemoId('almaty-ykylas-museum-lesson') },
    );
    expect(res.data!.event).toMatchObject({ kk: '«Домбыраның үні» мұражай сабағы', ru: 'Музейный урок «Голос домбры»', titles: { en: null }, territory: { code: '751710000' } });
    // No English title: falls back to Kazakh.
    expect(res.data!.event.en).toBe(res.data!.event.kk);
  });
});

describe('event demo data', () => {
  it('covers every kind, base project and status, and reseeding adds nothing', async () => {
    const all = await gql(subgraph.url, `{ events(first: 500) { nodes { id kind baseProject status } } }`);
    const demoIds = new Set(DEMO_EVENTS.map((e) => eventDemoId(e.key)));
    const demo = all.data!.events.nodes.filter((n: { id: string }) => demoIds.has(n.id));
    expect(demo).toHaveLength(DEMO_EVENTS.length);
    expect(new Set(demo.map((n: { kind: string }) => n.kind)).size).toBe(11);
    expect(new Set(demo.map((n: { baseProject: string }) => n.baseProject)).size).toBe(3);
    expect(new Set(demo.map((n: { status: string }) => n.status)).size).toBe(5);

    const before = await totalEvents();
    await seedEvents(subgraph.db, createLogger('tarbie-bilim', 'silent'));
    expect(await totalEvents()).toBe(before);
  });
});
