import { subgraphDbSchema } from '@rz/contract';
import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSystem, type TestSystem, testToken } from '@rz/test-support';
import { Client } from 'pg';

const KZH049 = stableId('monument:KZH049');
const RALLY = stableId('event:almaty-young-historians-rally');
const ALMATY_APPROVED = stableId('media-plan:almaty-2026-q4');
const SUBJECTS = '__typename ... on Monument { id name(lang: EN) } ... on Event { id } ... on Initiative { id } ... on Face { id }';

/**
 * Media items name initiatives, monuments and events of other subgraphs. They are checked
 * to exist with the kind given when an item is added or edited, and a subject that no
 * longer resolves never blanks an answer without saying why.
 */
describe('media-item references across subgraphs', () => {
  let system: TestSystem;
  let officer: string;
  let planId: string;

  beforeAll(async () => {
    system = await startTestSystem();
    officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'officer-media-refs' });
    const plan = await gql(
      system.gatewayUrl,
      `mutation { createMediaPlan(input: { territory: "750000000", year: 2031, quarter: 2, submissionDeadline: "2031-03-20" }) { id } }`,
      {},
      officer,
    );
    expect(plan.errors).toBeUndefined();
    planId = plan.data!.createMediaPlan.id;
  }, 180_000);
  afterAll(() => system?.close());

  const add = (subjects: { kind: string; id: string }[]) =>
    gql(
      system.gatewayUrl,
      `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id subjects { ${SUBJECTS} } } }`,
      { planId, input: { channel: 'TV', outlet: 'Almaty TV', level: 'REGIONAL', format: 'Сюжет', plannedDate: '2031-05-05', language: 'KK', subjects } },
      officer,
    );

  it('refuses a nonexistent monument and a monument id given as an event; accepts real ones, resolved by their subgraphs', async () => {
    const missing = await add([{ kind: 'MONUMENT', id: stableId('monument:nowhere') }]);
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subjects.0.id' });
    const asEvent = await add([{ kind: 'EVENT', id: RALLY }, { kind: 'EVENT', id: KZH049 }]);
    expect(asEvent.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.subjects.1.id' });

    const ok = await add([{ kind: 'MONUMENT', id: KZH049 }, { kind: 'EVENT', id: RALLY }]);
    expect(ok.errors).toBeUndefined();
    expect(ok.data!.addMediaPlanItem.subjects).toEqual([
      { __typename: 'Monument', id: KZH049, name: 'Building of the Academy of Sciences' },
      { __typename: 'Event', id: RALLY },
    ]);
    // The refused attempts wrote nothing.
    const plan = await gql(system.gatewayUrl, `query($id: ID!) { mediaPlan(id: $id) { items { id } } }`, { id: planId }, officer);
    expect(plan.data!.mediaPlan.items).toEqual([{ id: ok.data!.addMediaPlanItem.id }]);
  });

  it('edits and removes an item while its plan is a draft', async () => {
    const added = await add([{ kind: 'MONUMENT', id: KZH049 }]);
    const id = added.data!.addMediaPlanItem.id;
    const edited = await gql(
      system.gatewayUrl,
      `mutation($id: ID!, $input: AddMediaPlanItemInput!) { updateMediaPlanItem(id: $id, input: $input) { subjects { ${SUBJECTS} } } }`,
      { id, input: { channel: 'RADIO', outlet: 'Qazaq radiosy', level: 'REPUBLICAN', format: 'Сұхбат', plannedDate: '2031-05-06', language: 'KK', subjects: [{ kind: 'EVENT', id: RALLY }] } },
      officer,
    );
    expect(edited.errors).toBeUndefined();
    expect(edited.data!.updateMediaPlanItem.subjects).toEqual([{ __typename: 'Event', id: RALLY }]);
    const removed = await gql(system.gatewayUrl, `mutation($id: ID!) { removeMediaPlanItem(id: $id) { items { id } } }`, { id }, officer);
    expect(removed.errors).toBeUndefined();
    expect(removed.data!.removeMediaPlanItem.items).not.toContainEqual({ id });
  });

  it('answers with data and an error naming the place when a stored subject no longer resolves, never a bare data: null', async () => {
    // A subject stored before the check existed (or whose monument was since removed).
    const ghost = stableId('monument:removed-since');
    const own = system.database.subgraphs.find((s) => s.schema === subgraphDbSchema('aqparat-tolqyny'))!;
    const db = new Client({ connectionString: own.url });
    await db.connect();
    try {
      const [{ id: itemId }] = (await db.query(`SELECT id FROM media_item WHERE plan_id = $1 ORDER BY id LIMIT 1`, [ALMATY_APPROVED])).rows;
      await db.query(`INSERT INTO media_item_subject (item_id, kind, subject_id, position) VALUES ($1, 'MONUMENT', $2, 19)`, [itemId, ghost]);
    } finally {
      await db.end();
    }
    const admin = await testToken({ roles: ['admin'], subject: 'admin-media-refs' });
    for (const [query, plansOf] of [
      [`query($id: ID!) { mediaPlan(id: $id) { id items { id subjects { ${SUBJECTS} } } } }`, (data: any) => [data.mediaPlan]],
      [`{ mediaPlans(first: 50, filter: { territory: "750000000" }) { nodes { id items { subjects { ${SUBJECTS} } } } } }`, (data: any) => data.mediaPlans.nodes],
    ] as const) {
      const res = await gql(system.gatewayUrl, query, { id: ALMATY_APPROVED }, admin);
      expect([res.data, res.errors]).toEqual([expect.anything(), res.errors]);
      const plans = plansOf(res.data);
      expect([plans, res.errors]).toEqual([expect.not.arrayContaining([null]), res.errors]);
      const subjects = plans.flatMap((p: { items: { subjects: { id?: string }[] }[] }) => p.items.flatMap((i) => i.subjects));
      // Every subject that resolves is there; the one that does not is null, and an error points at it.
      expect(subjects).toContainEqual({ __typename: 'Monument', id: KZH049, name: 'Building of the Academy of Sciences' });
      expect(subjects).toContain(null);
      expect(res.errors?.filter((e) => e.path?.includes('subjects')).length).toBeGreaterThan(0);
    }
  });
});
