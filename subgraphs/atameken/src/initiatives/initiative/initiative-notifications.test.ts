import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const AUTHOR = 'author-notified-3c1';
const author = () => testToken({ subject: AUTHOR, roles: ['citizen'] });
const patron = (subject: string) => testToken({ subject, roles: ['patron'] });
const officer = () => testToken({ subject: 'officer-almaty', roles: ['akimat_officer'], territory: ALMATY });

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await gql(subgraph.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const PROPOSE = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`;
const STATUS = `mutation($id: ID!, $to: InitiativeStatus!, $reason: String) { changeInitiativeStatus(id: $id, to: $to, reason: $reason) { id status } }`;
const BUDGET = `mutation($id: ID!, $amount: Float!, $decision: String) { recordInitiativeBudget(id: $id, amount: $amount, decision: $decision) { id } }`;
const PLEDGE = `mutation($input: PledgeToInitiativeInput!) { pledgeToInitiative(input: $input) { id } }`;
const CANCEL = `mutation($id: ID!) { cancelInitiativePledge(id: $id) { id } }`;
const COMPLETE = `mutation($input: CompleteInitiativeInput!) { completeInitiative(input: $input) { id status } }`;

async function propose(estimate = 1_000_000): Promise<string> {
  const input = { kind: 'INFRASTRUCTURE', direction: 'SPORT', category: 'A', title: { ru: 'Площадка во дворе' }, territory: MEDEU, estimate };
  return (await ok(PROPOSE, { input }, await author())).proposeInitiative.id;
}

const statusNotices = (id: string) => outboxNotifications(subgraph, { kind: 'INITIATIVE_STATUS_CHANGED', aboutId: id });

describe('the author hears of the akimat\'s decisions', () => {
  it('work started and completed: one notification each, to the author', async () => {
    const id = await propose();
    await ok(BUDGET, { id, amount: 1_000_000, decision: 'Решение акимата № 7' }, await officer());
    expect(await statusNotices(id)).toEqual([]);
    await ok(STATUS, { id, to: 'IN_PROGRESS' }, await officer());
    await ok(COMPLETE, { input: { initiative: id, result: { kk: 'Алаң салынды.' }, peopleServed: 300 } }, await officer());
    expect(await statusNotices(id)).toEqual([
      {
        dedupeKey: `initiative-status:${id}:IN_PROGRESS`,
        recipientSubject: AUTHOR,
        kind: 'INITIATIVE_STATUS_CHANGED',
        about: { type: 'Initiative', id },
        params: { initiativeId: id, status: 'IN_PROGRESS', territoryCode: MEDEU },
        language: null,
        occurredAt: expect.any(String),
      },
      expect.objectContaining({ dedupeKey: `initiative-status:${id}:IMPLEMENTED`, recipientSubject: AUTHOR, params: { initiativeId: id, status: 'IMPLEMENTED', territoryCode: MEDEU } }),
    ]);
  });

  it('rejected: one notification, without the reason; the author\'s own withdrawal: none', async () => {
    const rejected = await propose();
    await ok(STATUS, { id: rejected, to: 'REJECTED', reason: 'Участок занят под застройку.' }, await officer());
    const [notice, ...more] = await statusNotices(rejected);
    expect(more).toEqual([]);
    expect(notice).toMatchObject({ recipientSubject: AUTHOR, params: { initiativeId: rejected, status: 'REJECTED', territoryCode: MEDEU } });
    expect(JSON.stringify(notice)).not.toContain('Участок');

    const withdrawn = await propose();
    await ok(STATUS, { id: withdrawn, to: 'WITHDRAWN' }, await author());
    expect(await statusNotices(withdrawn)).toEqual([]);
  });

  it('a refused change writes nothing', async () => {
    const id = await propose();
    // Not covered yet: work cannot start.
    const res = await gql(subgraph.url, STATUS, { id, to: 'IN_PROGRESS' }, await officer());
    expect(res.errors?.[0].extensions?.code).toBe('CONFLICT');
    const noReason = await gql(subgraph.url, STATUS, { id, to: 'REJECTED' }, await officer());
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await statusNotices(id)).toEqual([]);
  });
});

describe('patrons hear once that the estimate is covered', () => {
  const covered = (id: string) => outboxNotifications(subgraph, { kind: 'INITIATIVE_ESTIMATE_COVERED', aboutId: id });

  it('the pledge that covers it tells each patron with an active pledge, once', async () => {
    const id = await propose(1_000_000);
    await ok(BUDGET, { id, amount: 400_000, decision: 'Решение акимата № 9' }, await officer());
    const first = (await ok(PLEDGE, { input: { initiative: id, amount: 300_000 } }, await patron('patron-a'))).pledgeToInitiative.id;
    const cancelled = (await ok(PLEDGE, { input: { initiative: id, amount: 100_000 } }, await patron('patron-gone'))).pledgeToInitiative.id;
    await ok(CANCEL, { id: cancelled }, await patron('patron-gone'));
    expect(await covered(id)).toEqual([]);
    await ok(PLEDGE, { input: { initiative: id, amount: 200_000 } }, await patron('patron-b'));
    await ok(PLEDGE, { input: { initiative: id, amount: 100_000 } }, await patron('patron-a'));
    const notices = await covered(id);
    expect(notices.map((n) => [n.recipientSubject, n.dedupeKey, n.params])).toEqual([
      ['patron-a', `initiative-covered:${id}:patron-a`, { initiativeId: id, estimate: 1_000_000, territoryCode: MEDEU }],
      ['patron-b', `initiative-covered:${id}:patron-b`, { initiativeId: id, estimate: 1_000_000, territoryCode: MEDEU }],
    ]);
    expect(first).toBeTruthy();
  });

  it('a budget decision that covers the rest tells the patrons too; a refused pledge writes nothing', async () => {
    const id = await propose(500_000);
    await ok(PLEDGE, { input: { initiative: id, amount: 200_000 } }, await patron('patron-c'));
    const tooMuch = await gql(subgraph.url, PLEDGE, { input: { initiative: id, amount: 400_000 } }, await patron('patron-d'));
    expect(tooMuch.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await covered(id)).toEqual([]);
    await ok(BUDGET, { id, amount: 300_000, decision: 'Решение акимата № 11' }, await officer());
    expect((await covered(id)).map((n) => n.recipientSubject)).toEqual(['patron-c']);
  });
});
