import { stableId, statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { DEMO_MEDIA_PLANS, mediaItemDemoId, mediaPlanDemoId } from '../demo/media-plans.seed';
import { aqparatTolqyny } from '../subgraph';
import { startStubGateway, type StubGateway } from '../testing/stub-gateway';

let subgraph: TestSubgraph;
let gateway: StubGateway;
const [initiative, monument, event] = [stableId('initiative:test'), stableId('monument:test'), stableId('event:test')];
const manyMonuments = Array.from({ length: 21 }, (_, n) => stableId(`monument:many-${n}`));
beforeAll(async () => {
  gateway = await startStubGateway();
  gateway.known.initiative.add(initiative);
  gateway.known.event.add(event);
  for (const id of [monument, ...manyMonuments]) gateway.known.monument.add(id);
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true, settings: { GATEWAY_URL: gateway.url } });
});
afterAll(async () => {
  await subgraph?.close();
  await gateway?.close();
});

const SUBJECTS = '__typename ... on Monument { id } ... on Initiative { id } ... on Event { id }';
const ADD = `mutation($planId: ID!, $input: AddMediaPlanItemInput!) {
  addMediaPlanItem(planId: $planId, input: $input) { id outlet rubric language status subjects { ${SUBJECTS} } }
}`;

const officer = () => testToken({ roles: ['akimat_officer'], territory: '310000000' });
/** Reads every plan, also those not approved yet. */
const admin = () => testToken({ roles: ['admin'] });
const zhambylDraft = mediaPlanDemoId('zhambyl-2027-q1');

const item = (subjects: { kind: string; id: string }[] = []) => ({
  channel: 'ONLINE',
  outlet: ' «Aq jol» (aqjol.kz) ',
  level: 'REGIONAL',
  format: 'Мақала',
  plannedDate: '2027-03-20',
  language: 'KK',
  subjects,
});

async function itemCount(planId: string): Promise<number> {
  const res = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { id } } }`, { id: planId }, await admin());
  return res.data!.mediaPlan.items.length;
}

describe('media plan items', () => {
  it('returns demo subjects as the right union members with the ids of the other subgraphs', async () => {
    const res = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { id outlet subjects { ${SUBJECTS} } } } }`, {
      id: mediaPlanDemoId('almaty-2026-q4'),
    });
    expect(res.errors).toBeUndefined();
    const items = res.data!.mediaPlan.items;
    expect(items.map((i: { id: string }) => i.id)).toEqual([0, 1, 2, 3].map((n) => mediaItemDemoId('almaty-2026-q4', n)));
    expect(items[0].subjects).toEqual([{ __typename: 'Initiative', id: stableId('initiative:almaty-park-medeu') }]);
    expect(items[1].subjects).toEqual([
      { __typename: 'Monument', id: stableId('monument:KZH049') },
      { __typename: 'Monument', id: stableId('monument:KZH052') },
    ]);
    expect(items[2].subjects).toEqual([
      { __typename: 'Event', id: stableId('event:almaty-young-historians-rally') },
      { __typename: 'Monument', id: stableId('monument:KZH049') },
    ]);

    const turkistan = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { subjects { ${SUBJECTS} } } } }`, {
      id: mediaPlanDemoId('turkistan-2026'),
    }, await admin());
    const ids = turkistan.data!.mediaPlan.items.flatMap((i: { subjects: { id: string }[] }) => i.subjects.map((s) => s.id));
    expect(ids).toEqual(
      expect.arrayContaining([stableId('monument:KZH001'), stableId('initiative:turkistan-school-library'), stableId('event:turkistan-yasawi-excursion')]),
    );
  });

  it('adds an item with subjects of every kind, in order, without repeats', async () => {
    const res = await gql(
      subgraph.url,
      ADD,
      {
        planId: zhambylDraft,
        input: {
          ...item([
            { kind: 'EVENT', id: event },
            { kind: 'MONUMENT', id: monument },
            { kind: 'INITIATIVE', id: initiative },
            { kind: 'MONUMENT', id: monument.toUpperCase() },
          ]),
          rubric: '  ',
        },
      },
      await officer(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addMediaPlanItem).toMatchObject({
      outlet: '«Aq jol» (aqjol.kz)',
      rubric: null,
      language: 'KK',
      status: 'PLANNED',
      subjects: [
        { __typename: 'Event', id: event },
        { __typename: 'Monument', id: monument },
        { __typename: 'Initiative', id: initiative },
      ],
    });
  });

  it('validates subjects, texts and the planned date, writing nothing', async () => {
    const token = await officer();
    const before = await itemCount(zhambylDraft);
    const tooMany = manyMonuments.map((id) => ({ kind: 'MONUMENT', id }));
    const cases: [Record<string, unknown>, string][] = [
      [item([{ kind: 'MONUMENT', id: 'KZH001' }]), 'input.subjects.0.id'],
      [item(tooMany), 'input.subjects'],
      [{ ...item(), outlet: '   ' }, 'input.outlet'],
      [{ ...item(), format: '' }, 'input.format'],
      [{ ...item(), plannedDate: '2027-04-01' }, 'input.plannedDate'],
      [{ ...item(), plannedDate: '2027-02-31' }, 'input.plannedDate'],
    ];
    for (const [input, field] of cases) {
      const res = await gql(subgraph.url, ADD, { planId: zhambylDraft, input }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const twenty = await gql(subgraph.url, ADD, { planId: zhambylDraft, input: item(tooMany.slice(0, 20)) }, token);
    expect(twenty.errors).toBeUndefined();
    expect(twenty.data!.addMediaPlanItem.subjects).toHaveLength(20);
    expect(await itemCount(zhambylDraft)).toBe(before + 1);
  });

  it('refuses items for unknown plans and for plans at the project office', async () => {
    const missing = await gql(subgraph.url, ADD, { planId: '00000000-0000-7000-8000-000000000000', input: item() }, await testToken({ roles: ['admin'] }));
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'planId' });
    const submittedPlan = mediaPlanDemoId('almaty-medeu-2026-q4');
    const before = await itemCount(submittedPlan);
    const locked = await gql(
      subgraph.url,
      ADD,
      { planId: submittedPlan, input: { ...item(), plannedDate: '2026-11-01' } },
      await testToken({ roles: ['akimat_officer'], territory: '750000000' }),
    );
    expect(locked.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SUBMITTED' });
    expect(await itemCount(submittedPlan)).toBe(before);
  });

  it('loads items and subjects for a page of plans in a constant number of statements', async () => {
    const query = `query($first: Int!) { mediaPlans(first: $first) { nodes { id territory { code } items { id plan { id } subjects { ${SUBJECTS} } } } } }`;
    const counter = statementCounter(subgraph.db);
    const token = await admin();
    const statementsFor = async (first: number) => {
      counter.reset();
      const res = await gql(subgraph.url, query, { first }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.mediaPlans.nodes).toHaveLength(first);
      return counter.count;
    };
    const one = await statementsFor(1);
    const all = await statementsFor(DEMO_MEDIA_PLANS.length);
    expect(all).toBe(one);
    // count, page, items, subjects
    expect(all).toBeLessThanOrEqual(4);
  });
});

describe('subjects owned by other subgraphs', () => {
  it('refuses a subject that does not exist, or exists as another kind, naming it and writing nothing', async () => {
    const token = await officer();
    const before = await itemCount(zhambylDraft);
    const cases: [{ kind: string; id: string }[], string][] = [
      [[{ kind: 'MONUMENT', id: stableId('monument:nowhere') }], 'input.subjects.0.id'],
      // A monument id given as an event.
      [[{ kind: 'MONUMENT', id: monument }, { kind: 'EVENT', id: monument }], 'input.subjects.1.id'],
      [[{ kind: 'INITIATIVE', id: event }], 'input.subjects.0.id'],
    ];
    for (const [subjects, field] of cases) {
      const res = await gql(subgraph.url, ADD, { planId: zhambylDraft, input: item(subjects) }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await itemCount(zhambylDraft)).toBe(before);
  });

  it('refuses, as SUBGRAPH_UNAVAILABLE, a subject it cannot check, and still adds items with faces only', async () => {
    const offline = await startTestSubgraph(aqparatTolqyny, { seedDemo: true, settings: { GATEWAY_URL: 'http://127.0.0.1:9/graphql' } });
    try {
      const token = await officer();
      const res = await gql(offline.url, ADD, { planId: zhambylDraft, input: item([{ kind: 'MONUMENT', id: monument }]) }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', field: 'input.subjects' });
      expect((await gql(offline.url, ADD, { planId: zhambylDraft, input: item() }, token)).errors).toBeUndefined();
    } finally {
      await offline.close();
    }
  });
});

describe('editing and removing items', () => {
  const UPDATE = `mutation($id: ID!, $input: AddMediaPlanItemInput!) { updateMediaPlanItem(id: $id, input: $input) { id outlet plannedDate subjects { ${SUBJECTS} } } }`;
  const REMOVE = `mutation($id: ID!) { removeMediaPlanItem(id: $id) { id items { id } } }`;

  async function addTo(planId: string, input: Record<string, unknown>, token: string): Promise<string> {
    const res = await gql(subgraph.url, ADD, { planId, input }, token);
    expect(res.errors).toBeUndefined();
    return res.data!.addMediaPlanItem.id;
  }

  it('replaces an item of a draft plan, subjects checked again, and removes it', async () => {
    const token = await officer();
    const id = await addTo(zhambylDraft, item([{ kind: 'MONUMENT', id: monument }]), token);
    const updated = await gql(subgraph.url, UPDATE, { id, input: { ...item([{ kind: 'EVENT', id: event }]), outlet: 'Jambyl TV', plannedDate: '2027-03-21' } }, token);
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateMediaPlanItem).toEqual({ id, outlet: 'Jambyl TV', plannedDate: '2027-03-21', subjects: [{ __typename: 'Event', id: event }] });

    const wrong = await gql(subgraph.url, UPDATE, { id, input: item([{ kind: 'EVENT', id: monument }]) }, token);
    expect(wrong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subjects.0.id' });
    const outside = await gql(subgraph.url, UPDATE, { id, input: { ...item(), plannedDate: '2027-04-01' } }, token);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.plannedDate' });
    // Refused edits changed nothing.
    const read = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { id outlet subjects { ${SUBJECTS} } } } }`, { id: zhambylDraft }, await admin());
    expect(read.data!.mediaPlan.items.find((i: { id: string }) => i.id === id)).toEqual({ id, outlet: 'Jambyl TV', subjects: [{ __typename: 'Event', id: event }] });

    const removed = await gql(subgraph.url, REMOVE, { id }, token);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeMediaPlanItem.id).toBe(zhambylDraft);
    expect(removed.data!.removeMediaPlanItem.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const again = await gql(subgraph.url, REMOVE, { id }, token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('refuses edits and removals once the plan is at the project office or approved, and by officers of other territories', async () => {
    const submittedPlan = mediaPlanDemoId('almaty-medeu-2026-q4');
    const items = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { id } } }`, { id: submittedPlan }, await admin());
    const [first] = items.data!.mediaPlan.items;
    const almaty = await testToken({ roles: ['akimat_officer'], territory: '750000000' });
    const update = await gql(subgraph.url, UPDATE, { id: first.id, input: { ...item(), plannedDate: '2026-11-01' } }, almaty);
    expect(update.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SUBMITTED' });
    const remove = await gql(subgraph.url, REMOVE, { id: first.id }, almaty);
    expect(remove.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SUBMITTED' });
    const approved = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { id } } }`, { id: mediaPlanDemoId('almaty-2026-q4') }, await admin());
    const closed = await gql(subgraph.url, REMOVE, { id: approved.data!.mediaPlan.items[0].id }, almaty);
    expect(closed.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'APPROVED' });

    const own = await addTo(zhambylDraft, item(), await officer());
    const stranger = await gql(subgraph.url, REMOVE, { id: own }, almaty);
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { items { id } } }`, { id: zhambylDraft }, await admin())).data!.mediaPlan.items).toContainEqual({ id: own });
  });
});
