import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { addWorkingDays, kzDay } from '../../shared/kz-time';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const AUTHOR = 'citizen-reopen';
const author = () => testToken({ subject: AUTHOR, roles: ['citizen'] });
const officer = () => testToken({ subject: 'officer-almaty', roles: ['akimat_officer'], territory: ALMATY });

const REOPEN = `mutation($id: ID!, $reason: String!) {
  reopenComplaint(id: $id, reason: $reason) { id status isOpen indicator dueOn resolvedAt reopenableUntil history { from to byRole comment } }
}`;
const CHANGE = `mutation($id: ID!, $to: ComplaintStatus!, $comment: String, $duplicateOf: ID) {
  changeComplaintStatus(id: $id, to: $to, comment: $comment, duplicateOf: $duplicateOf) { id status resolvedAt reopenableUntil }
}`;
const READ = `query($id: ID!) { complaint(id: $id) { status dueOn resolvedAt history { to } } }`;

let n = 0;
async function file(): Promise<string> {
  const evidence = [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`reopen-${n++}`).digest('hex'), 'photo')];
  const res = await gql(
    subgraph.url,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
    { input: { topic: 'HOUSING_AND_UTILITIES', text: 'В подъезде течёт крыша, на пятом этаже вода по стенам.', territory: ALMATY, evidence } },
    await author(),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint.complaint.id;
}

async function walk(id: string, path: string[]) {
  const token = await officer();
  for (const to of path) {
    const res = await gql(subgraph.url, CHANGE, { id, to, comment: to === 'REJECTED' ? 'Дом на балансе КСК.' : null }, token);
    expect(res.errors).toBeUndefined();
  }
}

async function counts(id: string) {
  const [row] = await subgraph.db.query(
    `SELECT (SELECT count(*) FROM complaint_status_change WHERE complaint_id = $1)::int AS history,
            (SELECT count(*) FROM complaint_event WHERE complaint_id = $1)::int AS events`,
    [id],
  );
  return row;
}

describe('reopening a resolved complaint', () => {
  it.each([['RESOLVED'], ['RESOLVED_BY_CITIZENS']])('lets the author reopen a %s complaint: back IN_PROGRESS with a new deadline', async (resolution) => {
    const id = await file();
    await walk(id, ['ACCEPTED', 'IN_PROGRESS', resolution]);
    const resolved = await gql(subgraph.url, READ, { id });
    expect(resolved.data!.complaint.resolvedAt).not.toBeNull();
    // Pretend it was filed long ago, so the new deadline is visibly new.
    await subgraph.db.query(`UPDATE complaint SET due_on = '2026-01-15' WHERE id = $1`, [id]);

    const today = kzDay();
    const res = await gql(subgraph.url, REOPEN, { id, reason: '  Через неделю снова потекло.  ' }, await author());
    expect(res.errors).toBeUndefined();
    const reopened = res.data!.reopenComplaint;
    expect(reopened).toMatchObject({ status: 'IN_PROGRESS', isOpen: true, indicator: 'RED', resolvedAt: null, reopenableUntil: null });
    expect([addWorkingDays(today, 15), addWorkingDays(kzDay(), 15)]).toContain(reopened.dueOn);
    expect(reopened.history.at(-1)).toEqual({ from: resolution, to: 'IN_PROGRESS', byRole: 'CITIZEN', comment: 'Через неделю снова потекло.' });
    expect(await counts(id)).toEqual({ history: 5, events: 5 });

    // The akimat resolves it again; it can be reopened again within a new window.
    await walk(id, ['RESOLVED']);
    expect((await gql(subgraph.url, READ, { id })).data!.complaint.history.map((h: any) => h.to)).toEqual([
      'SUBMITTED',
      'ACCEPTED',
      'IN_PROGRESS',
      resolution,
      'IN_PROGRESS',
      'RESOLVED',
    ]);
  });

  it('shows until when a resolved complaint can be reopened: 30 days after its resolution', async () => {
    const id = await file();
    await walk(id, ['ACCEPTED', 'IN_PROGRESS']);
    const res = await gql(subgraph.url, CHANGE, { id, to: 'RESOLVED' }, await officer());
    const { resolvedAt, reopenableUntil } = res.data!.changeComplaintStatus;
    expect(Date.parse(reopenableUntil) - Date.parse(resolvedAt)).toBe(30 * 86_400_000);
  });

  it('refuses reopening after 30 days with CONFLICT, changing nothing', async () => {
    const id = await file();
    await walk(id, ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
    await subgraph.db.query(`UPDATE complaint SET resolved_at = now() - interval '30 days 1 minute' WHERE id = $1`, [id]);
    const before = await gql(subgraph.url, READ, { id });
    const late = await gql(subgraph.url, REOPEN, { id, reason: 'Снова течёт.' }, await author());
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'RESOLVED', to: 'IN_PROGRESS' });
    expect(await gql(subgraph.url, READ, { id })).toEqual(before);

    await subgraph.db.query(`UPDATE complaint SET resolved_at = now() - interval '29 days 23 hours' WHERE id = $1`, [id]);
    expect((await gql(subgraph.url, REOPEN, { id, reason: 'Снова течёт.' }, await author())).errors).toBeUndefined();
  });

  it.each([
    [[], 'SUBMITTED'],
    [['ACCEPTED'], 'ACCEPTED'],
    [['ACCEPTED', 'IN_PROGRESS'], 'IN_PROGRESS'],
    [['REJECTED'], 'REJECTED'],
  ])('after %j refuses reopening with INVALID_TRANSITION from %s', async (path, from) => {
    const id = await file();
    await walk(id, path);
    const before = await counts(id);
    const res = await gql(subgraph.url, REOPEN, { id, reason: 'Не решено.' }, await author());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to: 'IN_PROGRESS' });
    expect(await counts(id)).toEqual(before);
  });

  it('refuses a reopened duplicate', async () => {
    const original = await file();
    const id = await file();
    const res = await gql(subgraph.url, CHANGE, { id, to: 'DUPLICATE', duplicateOf: original }, await officer());
    expect(res.errors).toBeUndefined();
    const reopen = await gql(subgraph.url, REOPEN, { id, reason: 'Это другая проблема.' }, await author());
    expect(reopen.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'DUPLICATE', to: 'IN_PROGRESS' });
  });

  it('lets only the author reopen, with a reason', async () => {
    const id = await file();
    await walk(id, ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
    const before = await counts(id);
    for (const token of [await officer(), await testToken({ subject: 'admin-1', roles: ['admin'] }), await testToken({ subject: 'neighbour', roles: ['citizen'] })]) {
      expect((await gql(subgraph.url, REOPEN, { id, reason: 'Не решено.' }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await gql(subgraph.url, REOPEN, { id, reason: '   ' }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gql(subgraph.url, REOPEN, { id, reason: 'Не решено.' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(subgraph.url, REOPEN, { id, reason: '   ' }, await author())).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await counts(id)).toEqual(before);
    expect((await gql(subgraph.url, READ, { id })).data!.complaint.status).toBe('RESOLVED');
    for (const unknown of ['019b7a00-0000-7000-8000-00000000dead', 'nope']) {
      expect((await gql(subgraph.url, REOPEN, { id: unknown, reason: 'x' }, await author())).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });

  it('does not let officers move a resolved complaint back themselves', async () => {
    const id = await file();
    await walk(id, ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']);
    const res = await gql(subgraph.url, CHANGE, { id, to: 'IN_PROGRESS' }, await officer());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'RESOLVED', to: 'IN_PROGRESS' });
  });
});
