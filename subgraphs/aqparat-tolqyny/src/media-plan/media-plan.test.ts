import { isCalendarDay, todayInKazakhstan } from '@rz/schema';
import { createLogger } from '@rz/service-kit';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { mediaPlanDemoId } from '../demo/media-plans.seed';
import { aqparatTolqyny } from '../subgraph';
import { periodBounds } from './media-plan.period';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(aqparatTolqyny, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const BOSTANDYK = '751410000';
const TURKISTAN = '610000000';

const officer = (territory = ALMATY) => testToken({ roles: ['akimat_officer'], territory });
const projectOffice = (territory: string) => testToken({ roles: ['project_office'], territory });
const admin = () => testToken({ roles: ['admin'] });

const PLAN_FIELDS = 'id status remarks isLate year quarter periodKind submissionDeadline territory { code } items { id }';

async function createPlan(input: Record<string, unknown>, token: string) {
  return gql(subgraph.url, `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { ${PLAN_FIELDS} } }`, { input }, token);
}

async function addItem(planId: string, input: Record<string, unknown>, token: string) {
  return gql(
    subgraph.url,
    `mutation($planId: ID!, $input: AddMediaPlanItemInput!) { addMediaPlanItem(planId: $planId, input: $input) { id plannedDate plan { id } } }`,
    { planId, input },
    token,
  );
}

async function submit(id: string, token: string) {
  return gql(subgraph.url, `mutation($id: ID!) { submitMediaPlan(id: $id) { ${PLAN_FIELDS} } }`, { id }, token);
}

async function review(id: string, approve: boolean, remarks: string | null, token: string) {
  return gql(
    subgraph.url,
    `mutation($id: ID!, $approve: Boolean!, $remarks: String) { reviewMediaPlan(id: $id, approve: $approve, remarks: $remarks) { ${PLAN_FIELDS} } }`,
    { id, approve, remarks },
    token,
  );
}

async function planById(id: string) {
  const res = await gql(subgraph.url, `query($id: ID!) { mediaPlan(id: $id) { ${PLAN_FIELDS} } }`, { id }, await admin());
  expect(res.errors).toBeUndefined();
  return res.data!.mediaPlan;
}

async function planCount(): Promise<number> {
  const res = await gql(subgraph.url, `{ mediaPlans { totalCount } }`, {}, await admin());
  return res.data!.mediaPlans.totalCount;
}

const item = (plannedDate: string) => ({
  channel: 'TV',
  outlet: '«Хабар»',
  level: 'REPUBLICAN',
  format: 'Сюжет',
  rubric: '«Рухани жаңғыру»',
  plannedDate,
  language: 'KK',
});

describe('media plan periods', () => {
  it('knows calendar days, quarter bounds and the date in Kazakhstan', () => {
    expect(isCalendarDay('2028-02-29')).toBe(true);
    expect(isCalendarDay('2026-02-29')).toBe(false);
    expect(isCalendarDay('2026-13-01')).toBe(false);
    expect(isCalendarDay('26-01-01')).toBe(false);
    expect(periodBounds(2026, null)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodBounds(2026, 1)).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodBounds(2028, 1).to).toBe('2028-03-31');
    expect(periodBounds(2026, 4)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    // 20:30 UTC is already the next day in Kazakhstan (UTC+5).
    expect(todayInKazakhstan(new Date('2026-11-21T20:30:00Z'))).toBe('2026-11-22');
  });
});

describe('media plan approval', () => {
  it('goes DRAFT -> SUBMITTED -> RETURNED -> SUBMITTED -> APPROVED within the scopes, refusing everything else without changes', async () => {
    const almatyOfficer = await officer();
    const created = await createPlan({ territory: BOSTANDYK, year: 2030, quarter: 2, submissionDeadline: '2030-03-25' }, almatyOfficer);
    expect(created.errors).toBeUndefined();
    const plan = created.data!.createMediaPlan;
    expect(plan).toMatchObject({ status: 'DRAFT', year: 2030, quarter: 2, periodKind: 'QUARTER', territory: { code: BOSTANDYK }, isLate: false, items: [] });

    const empty = await submit(plan.id, almatyOfficer);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });

    const outside = await addItem(plan.id, item('2030-07-01'), almatyOfficer);
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.plannedDate', from: '2030-04-01', to: '2030-06-30' });
    const otherOfficer = await addItem(plan.id, item('2030-05-01'), await officer(TURKISTAN));
    expect(otherOfficer.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const added = await addItem(plan.id, item('2030-05-07'), almatyOfficer);
    expect(added.errors).toBeUndefined();
    expect(added.data!.addMediaPlanItem).toMatchObject({ plannedDate: '2030-05-07', plan: { id: plan.id } });

    const submitted = await submit(plan.id, almatyOfficer);
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitMediaPlan).toMatchObject({ status: 'SUBMITTED', items: [{ id: added.data!.addMediaPlanItem.id }] });

    // Locked while at the project office.
    const lateItem = await addItem(plan.id, item('2030-05-08'), almatyOfficer);
    expect(lateItem.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', field: 'planId', from: 'SUBMITTED' });
    const again = await submit(plan.id, almatyOfficer);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'SUBMITTED', to: 'SUBMITTED' });

    // Only the project office of the plan's region reviews.
    for (const token of [await projectOffice(TURKISTAN), await projectOffice(BOSTANDYK), almatyOfficer]) {
      const refused = await review(plan.id, true, null, token);
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const office = await projectOffice(ALMATY);
    const noRemarks = await review(plan.id, false, '   ', office);
    expect(noRemarks.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remarks' });
    expect(await planById(plan.id)).toMatchObject({ status: 'SUBMITTED', remarks: null, items: [{ id: added.data!.addMediaPlanItem.id }] });

    const returned = await review(plan.id, false, 'Покажите, что изменилось после проекта, а не встречи', office);
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.reviewMediaPlan).toMatchObject({ status: 'RETURNED', remarks: 'Покажите, что изменилось после проекта, а не встречи' });

    const approveReturned = await review(plan.id, true, null, office);
    expect(approveReturned.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'RETURNED', to: 'APPROVED' });
    expect(await planById(plan.id)).toMatchObject({ status: 'RETURNED' });

    // The district reworks a returned plan and submits it again.
    expect((await addItem(plan.id, item('2030-06-12'), almatyOfficer)).errors).toBeUndefined();
    expect((await submit(plan.id, almatyOfficer)).data!.submitMediaPlan.status).toBe('SUBMITTED');
    const approved = await review(plan.id, true, null, office);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.reviewMediaPlan).toMatchObject({ status: 'APPROVED', remarks: null, isLate: false });
    expect(approved.data!.reviewMediaPlan.items).toHaveLength(2);

    for (const approve of [true, false]) {
      const refused = await review(plan.id, approve, 'ещё раз', office);
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'APPROVED', to: approve ? 'APPROVED' : 'RETURNED' });
    }
    const resubmit = await submit(plan.id, almatyOfficer);
    expect(resubmit.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'APPROVED', to: 'SUBMITTED' });
    expect(await planById(plan.id)).toMatchObject({ status: 'APPROVED', remarks: null });
  });

  it('lets an admin review any region and refuses to review a draft', async () => {
    const draft = await createPlan({ territory: TURKISTAN, year: 2031, submissionDeadline: '2031-01-31' }, await officer(TURKISTAN));
    expect(draft.errors).toBeUndefined();
    const res = await review(draft.data!.createMediaPlan.id, true, null, await admin());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'DRAFT', to: 'APPROVED' });
  });

  it('refuses anonymous callers, other roles and officers of other territories', async () => {
    const input = { territory: BOSTANDYK, year: 2032, submissionDeadline: '2032-01-31' };
    const anonymous = await gql(subgraph.url, `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await createPlan(input, await projectOffice(ALMATY))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await createPlan(input, await officer(TURKISTAN))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A district officer does not plan for the city above it.
    expect((await createPlan({ ...input, territory: ALMATY }, await officer(BOSTANDYK))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Out of scope is answered before the territory's level is judged (a rural district of Zhambyl region).
    expect((await createPlan({ ...input, territory: '316655000' }, await officer(TURKISTAN))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});

describe('media plan input', () => {
  it('rejects an unknown territory naming the field and writes nothing', async () => {
    const before = await planCount();
    const res = await createPlan({ territory: '999999999', year: 2030, submissionDeadline: '2030-01-31' }, await admin());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory', territoryCode: '999999999' });
    const malformed = await createPlan({ territory: '75', year: 2030, submissionDeadline: '2030-01-31' }, await admin());
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory' });
    expect(await planCount()).toBe(before);
  });

  it('accepts only region and district level territories', async () => {
    const before = await planCount();
    // A rural district and a village of Zhambyl region.
    for (const territory of ['316655000', '316655100']) {
      const res = await createPlan({ territory, year: 2030, submissionDeadline: '2030-01-31' }, await officer('310000000'));
      // The refusal names the district to plan for instead.
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory', territoryCode: territory, acceptedCode: '316600000' });
      expect(res.errors?.[0].message).toContain('use 316600000 (Шуский район)');
    }
    expect(await planCount()).toBe(before);
  });

  it('validates year, quarter and deadline', async () => {
    const token = await admin();
    const base = { territory: ALMATY, year: 2033, submissionDeadline: '2033-01-31' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, year: 2019 }, 'input.year'],
      [{ ...base, year: 2101 }, 'input.year'],
      [{ ...base, quarter: 0 }, 'input.quarter'],
      [{ ...base, quarter: 5 }, 'input.quarter'],
      [{ ...base, submissionDeadline: '2033-02-30' }, 'input.submissionDeadline'],
      [{ ...base, submissionDeadline: '31.01.2033' }, 'input.submissionDeadline'],
    ];
    const before = await planCount();
    for (const [input, field] of cases) {
      const res = await createPlan(input, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await planCount()).toBe(before);
  });

  it('allows one plan per territory and period', async () => {
    const token = await officer();
    const base = { territory: '751110000', year: 2034, submissionDeadline: '2034-01-31' };
    expect((await createPlan({ ...base, quarter: 1 }, token)).errors).toBeUndefined();
    const year = await createPlan(base, token);
    expect(year.errors).toBeUndefined();
    const duplicateQuarter = await createPlan({ ...base, quarter: 1 }, token);
    expect(duplicateQuarter.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.quarter' });
    const duplicateYear = await createPlan(base, token);
    expect(duplicateYear.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.year', existingId: year.data!.createMediaPlan.id });
  });
});

describe('media plan lateness', () => {
  it('flags open plans past their deadline, not reviewed ones', async () => {
    const token = await officer();
    const past = await createPlan({ territory: '751210000', year: 2021, quarter: 3, submissionDeadline: '2021-06-25' }, token);
    expect(past.data!.createMediaPlan).toMatchObject({ status: 'DRAFT', isLate: true });
    const future = await createPlan({ territory: '751210000', year: 2099, submissionDeadline: '2099-01-31' }, token);
    expect(future.data!.createMediaPlan.isLate).toBe(false);

    const demo = await gql(subgraph.url, `{ a: mediaPlan(id: "${mediaPlanDemoId('shymkent-2026-q4')}") { status submissionDeadline isLate } b: mediaPlan(id: "${mediaPlanDemoId('almaty-2026-q4')}") { status isLate } }`, {}, await admin());
    expect(demo.errors).toBeUndefined();
    expect(demo.data!.a.isLate).toBe(todayInKazakhstan() > demo.data!.a.submissionDeadline);
    expect(demo.data!.b).toEqual({ status: 'APPROVED', isLate: false });
  });
});

describe('media plan queries', () => {
  it('holds demo plans in every status, and seeding again adds nothing', async () => {
    const query = `{ mediaPlans(first: 50) { nodes { status items { id subjects { __typename } } } } }`;
    const token = await admin();
    const res = await gql(subgraph.url, query, {}, token);
    const statuses = new Set(res.data!.mediaPlans.nodes.map((n: { status: string }) => n.status));
    expect([...statuses].sort()).toEqual(['APPROVED', 'DRAFT', 'RETURNED', 'SUBMITTED']);
    await aqparatTolqyny.seedDemo!(subgraph.db, createLogger('aqparat-tolqyny', 'silent'));
    expect(await gql(subgraph.url, query, {}, token)).toEqual(res);
  });

  it('pages with cursors without gaps or repeats', async () => {
    const token = await admin();
    const all = await gql(subgraph.url, `{ mediaPlans(first: 500) { totalCount nodes { id } } }`, {}, token);
    const total = all.data!.mediaPlans.totalCount;
    expect(total).toBeGreaterThan(3);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(subgraph.url, `query($after: String) { mediaPlans(first: 2, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }`, { after }, token);
      expect(page.errors).toBeUndefined();
      seen.push(...page.data.mediaPlans.nodes.map((n: { id: string }) => n.id));
      after = page.data.mediaPlans.pageInfo.hasNextPage ? page.data.mediaPlans.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.data!.mediaPlans.nodes.map((n: { id: string }) => n.id));
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by territory with its subtree, and by year, quarter, period kind and status', async () => {
    const token = await admin();
    const city = await gql(subgraph.url, `{ mediaPlans(filter: { territory: "${ALMATY}" }, first: 100) { totalCount nodes { id territory { code region { code } } } } }`, {}, token);
    const nodes = city.data!.mediaPlans.nodes;
    expect(nodes.map((n: { id: string }) => n.id)).toEqual(expect.arrayContaining([mediaPlanDemoId('almaty-2026-q4'), mediaPlanDemoId('almaty-medeu-2026-q4')]));
    expect(nodes.every((n: any) => n.territory.region.code === ALMATY)).toBe(true);

    const district = await gql(subgraph.url, `{ mediaPlans(filter: { territory: "751710000" }) { nodes { id } } }`, {}, token);
    expect(district.data!.mediaPlans.nodes.map((n: { id: string }) => n.id)).toEqual([mediaPlanDemoId('almaty-medeu-2026-q4')]);

    const turkistanYear = await gql(subgraph.url, `{ mediaPlans(filter: { territory: "${TURKISTAN}", year: 2026, periodKind: YEAR }) { nodes { id } } }`, {}, token);
    expect(turkistanYear.data!.mediaPlans.nodes.map((n: { id: string }) => n.id)).toEqual([mediaPlanDemoId('turkistan-2026')]);

    const submittedQ4 = await gql(subgraph.url, `{ mediaPlans(filter: { year: 2026, quarter: 4, status: SUBMITTED }) { nodes { id } } }`, {}, token);
    expect(submittedQ4.data!.mediaPlans.nodes.map((n: { id: string }) => n.id).sort()).toEqual(
      [mediaPlanDemoId('almaty-medeu-2026-q4'), mediaPlanDemoId('turkistan-city-2026-q4')].sort(),
    );

    const unknown = await gql(subgraph.url, `{ mediaPlans(filter: { territory: "999999999" }) { totalCount } }`);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.territory' });
  });

  it('answers unknown and malformed ids with null', async () => {
    const res = await gql(subgraph.url, `{ a: mediaPlan(id: "00000000-0000-7000-8000-000000000000") { id } b: mediaPlan(id: "nope") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });
});

describe('media plan visibility', () => {
  const approved = mediaPlanDemoId('almaty-2026-q4');
  const submitted = mediaPlanDemoId('almaty-medeu-2026-q4'); // Medeu district of Almaty
  const returned = mediaPlanDemoId('turkistan-2026');
  const editor = (subprogramme: string) => testToken({ roles: ['ministry_editor'], subprogramme });

  async function seen(token?: string) {
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) {
        a: mediaPlan(id: "${approved}") { id } s: mediaPlan(id: "${submitted}") { id remarks } r: mediaPlan(id: "${returned}") { id }
        list: mediaPlans(first: 500) { totalCount nodes { id status } }
        _entities(representations: $reps) { ... on MediaPlan { id } }
      }`,
      { reps: [{ __typename: 'MediaPlan', id: submitted }, { __typename: 'MediaPlan', id: returned }] },
      token,
    );
    expect(res.errors).toBeUndefined();
    const list = res.data!.list.nodes.map((n: { id: string }) => n.id);
    expect(res.data!.list.totalCount).toBe(list.length);
    return {
      approved: !!res.data!.a,
      submitted: [!!res.data!.s, list.includes(submitted), !!res.data!._entities[0]],
      returned: [!!res.data!.r, list.includes(returned), !!res.data!._entities[1]],
      unapprovedListed: res.data!.list.nodes.filter((n: { status: string }) => n.status !== 'APPROVED').map((n: { id: string }) => n.id),
    };
  }

  it('shows plans still in the works only to their officers, their project office, the ministry and admins', async () => {
    const none = [false, false, false];
    const all = [true, true, true];
    for (const token of [undefined, await testToken({ roles: ['citizen'] }), await testToken({ roles: ['ngo'] }), await editor('rukhani-qazyna')]) {
      expect(await seen(token)).toEqual({ approved: true, submitted: none, returned: none, unapprovedListed: [] });
    }
    // Akimat officers see their territory and everything below it.
    for (const territory of [ALMATY, '751710000']) {
      expect(await seen(await officer(territory))).toMatchObject({ approved: true, submitted: all, returned: none });
    }
    expect(await seen(await officer(BOSTANDYK))).toMatchObject({ approved: true, submitted: none, returned: none });
    const almatyOffice = await seen(await projectOffice(ALMATY));
    expect(almatyOffice).toMatchObject({ approved: true, submitted: all, returned: none });
    expect(almatyOffice.unapprovedListed).toContain(submitted);
    expect(await seen(await projectOffice(TURKISTAN))).toMatchObject({ submitted: none, returned: all });
    // An office scoped to a district is not a region's project office.
    expect(await seen(await projectOffice(BOSTANDYK))).toMatchObject({ submitted: none, returned: none });
    for (const token of [await editor('aqparat-tolqyny'), await admin()]) {
      expect(await seen(token)).toMatchObject({ approved: true, submitted: all, returned: all });
    }
  });
});

describe('federation', () => {
  it('resolves MediaPlan entities by key (_entities)', async () => {
    const ids = [mediaPlanDemoId('almaty-2026-q4'), mediaPlanDemoId('turkistan-2026')];
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on MediaPlan { id status territory { code } items { outlet } } } }`,
      { reps: [...ids.map((id) => ({ __typename: 'MediaPlan', id })), { __typename: 'MediaPlan', id: '00000000-0000-7000-8000-000000000000' }] },
      await admin(),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.slice(0, 2)).toMatchObject([
      { id: ids[0], status: 'APPROVED', territory: { code: ALMATY } },
      { id: ids[1], status: 'RETURNED', territory: { code: TURKISTAN } },
    ]);
    expect(res.data!._entities[0].items.map((i: { outlet: string }) => i.outlet)).toContain('«Хабар»');
    expect(res.data!._entities[2]).toBeNull();
  });

  it('adds mediaPlans to Territory entities', async () => {
    const token = await admin();
    const direct = await gql(subgraph.url, `{ a: mediaPlans(filter: { territory: "${ALMATY}" }) { totalCount } b: mediaPlans(filter: { territory: "310000000" }) { totalCount } }`, {}, token);
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code mediaPlans { totalCount } } } }`,
      { reps: [{ __typename: 'Territory', code: ALMATY }, { __typename: 'Territory', code: '310000000' }] },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities).toEqual([
      { code: ALMATY, mediaPlans: { totalCount: direct.data!.a.totalCount } },
      { code: '310000000', mediaPlans: { totalCount: direct.data!.b.totalCount } },
    ]);
    expect(direct.data!.a.totalCount).toBeGreaterThanOrEqual(2);
  });
});

describe('media plan work list', () => {
  const NORTH = '590000000';
  const LIST = `query($filter: MediaPlanFilter, $orderBy: WorkListOrder, $first: Int!, $after: String) {
    mediaPlans(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id submissionDeadline status } pageInfo { hasNextPage endCursor } }
  }`;
  let ids: Record<string, string>;

  beforeAll(async () => {
    const token = await officer(NORTH);
    ids = {};
    for (const [year, deadline] of [[2040, '2040-01-31'], [2041, '2039-12-01'], [2042, '2041-03-01']] as const) {
      const res = await createPlan({ territory: NORTH, year, submissionDeadline: deadline }, token);
      expect(res.errors).toBeUndefined();
      ids[deadline] = res.data!.createMediaPlan.id;
    }
  });

  it('sorts by submission deadline, earliest first, and pages in that order', async () => {
    const token = await officer(NORTH);
    const all = await gql(subgraph.url, LIST, { filter: { territory: NORTH }, orderBy: 'DUE_FIRST', first: 10 }, token);
    expect(all.errors).toBeUndefined();
    expect(all.data!.mediaPlans.nodes.map((n: any) => n.submissionDeadline)).toEqual(['2039-12-01', '2040-01-31', '2041-03-01']);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await gql(subgraph.url, LIST, { filter: { territory: NORTH }, orderBy: 'DUE_FIRST', first: 1, after }, token);
      expect(page.errors).toBeUndefined();
      paged.push(page.data.mediaPlans.nodes[0].id);
      after = page.data.mediaPlans.pageInfo.hasNextPage ? page.data.mediaPlans.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual([ids['2039-12-01'], ids['2040-01-31'], ids['2041-03-01']]);
    // Newest first stays the default.
    const newest = await gql(subgraph.url, LIST, { filter: { territory: NORTH }, first: 10 }, token);
    expect(newest.data!.mediaPlans.nodes.map((n: any) => n.id)).toEqual([ids['2041-03-01'], ids['2039-12-01'], ids['2040-01-31']]);
  });

  it('filters by a set of statuses and a deadline range', async () => {
    const token = await officer(NORTH);
    const list = async (filter: Record<string, unknown>) => {
      const res = await gql(subgraph.url, LIST, { filter: { territory: NORTH, ...filter }, orderBy: 'DUE_FIRST', first: 10 }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.mediaPlans.nodes.map((n: any) => n.submissionDeadline);
    };
    expect(await list({ statuses: ['DRAFT', 'RETURNED'] })).toEqual(['2039-12-01', '2040-01-31', '2041-03-01']);
    expect(await list({ statuses: ['SUBMITTED', 'APPROVED'] })).toEqual([]);
    expect(await list({ deadlineFrom: '2040-01-01', deadlineTo: '2040-12-31' })).toEqual(['2040-01-31']);
    const bad = await gql(subgraph.url, LIST, { filter: { deadlineFrom: '2040-02-30' }, first: 1 }, token);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.deadlineFrom' });
  });

  it('lists what awaits the viewer: drafts for the officers in scope, nothing for others', async () => {
    const awaiting = async (token: string) => {
      const res = await gql(subgraph.url, LIST, { filter: { awaitingMe: true, year: 2041 }, first: 10 }, token);
      expect(res.errors).toBeUndefined();
      return res.data!.mediaPlans.nodes.map((n: any) => n.id);
    };
    expect(await awaiting(await officer(NORTH))).toEqual([ids['2039-12-01']]);
    expect(await awaiting(await officer(ALMATY))).toEqual([]);
    expect(await awaiting(await projectOffice(NORTH))).toEqual([]);
    expect(await awaiting(await testToken({ roles: ['citizen'] }))).toEqual([]);
    // Submitted, the plan waits for the region's project office instead.
    const token = await officer(NORTH);
    expect((await addItem(ids['2039-12-01'], item('2041-05-01'), token)).errors).toBeUndefined();
    expect((await submit(ids['2039-12-01'], token)).errors).toBeUndefined();
    expect(await awaiting(token)).toEqual([]);
    expect(await awaiting(await projectOffice(NORTH))).toEqual([ids['2039-12-01']]);
    expect(await awaiting(await projectOffice(ALMATY))).toEqual([]);
  });
});
