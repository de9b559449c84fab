import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const MEDEU = '751710000';
const author = () => testToken({ subject: 'citizen-work-list', roles: ['citizen'] });
const officer = (subject = 'officer-work-list') => testToken({ subject, roles: ['akimat_officer'], territory: '750000000' });

const LIST = `query($filter: ComplaintFilter, $orderBy: WorkListOrder, $first: Int!, $after: String) {
  complaints(filter: $filter, orderBy: $orderBy, first: $first, after: $after) { totalCount nodes { id status dueOn } pageInfo { hasNextPage endCursor } }
}`;

let n = 0;
async function file(text: string): Promise<string> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`work-list-${n++}`).digest('hex'), 'photo')];
  const res = await gql(
    subgraph.url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
    { input: { topic: 'ROADS', text, territory: MEDEU, evidence } },
    await author(),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint.complaint.id;
}

async function list(filter: Record<string, unknown>, token: string, orderBy = 'DUE_FIRST', first = 20, after: string | null = null) {
  const res = await gql(subgraph.url, LIST, { filter: { territory: MEDEU, ...filter }, orderBy, first, after }, token);
  expect(res.errors).toBeUndefined();
  return res.data!.complaints;
}

describe('complaint work list', () => {
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ids.late = await file('Яма на дороге у школы номер один, опасно для детей.');
    ids.soon = await file('Не горит светофор на перекрёстке у рынка третий день.');
    ids.later = await file('Разбит тротуар вдоль улицы у поликлиники, не пройти.');
    ids.closed = await file('Сломан дорожный знак у въезда во двор возле парка.');
    // Due days and filing days set outright, so the order does not depend on today.
    const set = async (id: string, dueOn: string, createdAt: string) =>
      subgraph.db.query(`UPDATE complaint SET due_on = $2, created_at = $3 WHERE id = $1`, [id, dueOn, createdAt]);
    await set(ids.late, '2026-01-15', '2025-12-20T05:00:00Z');
    await set(ids.soon, '2030-03-01', '2026-02-10T05:00:00Z');
    await set(ids.later, '2030-06-01', '2026-02-11T05:00:00Z');
    await set(ids.closed, '2025-01-01', '2024-12-01T05:00:00Z');
    const token = await officer();
    for (const to of ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']) {
      const res = await gql(subgraph.url, `mutation($id: ID!, $to: ComplaintStatus!) { changeComplaintStatus(id: $id, to: $to) { status } }`, { id: ids.closed, to }, token);
      expect(res.errors).toBeUndefined();
    }
    // Taking a complaint on assigns it to the officer.
    const accepted = await gql(subgraph.url, `mutation($id: ID!) { changeComplaintStatus(id: $id, to: ACCEPTED) { status } }`, { id: ids.soon }, token);
    expect(accepted.errors).toBeUndefined();
  });

  it('puts open complaints by due day first, overdue leading, closed ones last, and pages in that order', async () => {
    const token = await officer();
    const all = await list({}, token);
    expect(all.nodes.map((c: any) => c.id)).toEqual([ids.late, ids.soon, ids.later, ids.closed]);
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await list({}, token, 'DUE_FIRST', 1, after);
      paged.push(...page.nodes.map((c: any) => c.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(all.nodes.map((c: any) => c.id));
    // Newest first stays the default.
    const newest = await list({}, token, 'NEWEST');
    expect(newest.nodes.map((c: any) => c.id)).toEqual([ids.closed, ids.later, ids.soon, ids.late]);
  });

  it('filters by a set of statuses, the days filed, and what is assigned to the viewer', async () => {
    const token = await officer();
    const idsOf = async (filter: Record<string, unknown>, viewer = token) => (await list(filter, viewer)).nodes.map((c: any) => c.id);
    expect(await idsOf({ statuses: ['SUBMITTED', 'ACCEPTED'] })).toEqual([ids.late, ids.soon, ids.later]);
    expect(await idsOf({ statuses: ['RESOLVED'] })).toEqual([ids.closed]);
    // Filed on 10 and 11 February 2026 (Kazakhstan days).
    expect(await idsOf({ filedFrom: '2026-02-10', filedTo: '2026-02-11' })).toEqual([ids.soon, ids.later]);
    expect(await idsOf({ filedFrom: '2026-02-11' })).toEqual([ids.later]);
    expect(await idsOf({ assignedToMe: true })).toEqual([ids.soon, ids.closed]);
    expect(await idsOf({ assignedToMe: true }, await officer('another-officer'))).toEqual([]);
    const anonymous = await gql(subgraph.url, LIST, { filter: { assignedToMe: true }, first: 5 });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const bad = await gql(subgraph.url, LIST, { filter: { filedFrom: '2026-02-30' }, first: 5 }, token);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.filedFrom' });
  });
});
