import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { kzDay } from '../../shared/kz-time';
import { atameken } from '../../subgraph';

/** Retries of a write with the same idempotency key, in parallel, over real HTTP on the real database. */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const FILE = `mutation($input: FileComplaintInput!, $key: String) { fileComplaint(input: $input, idempotencyKey: $key) { complaint { id status } } }`;
const count = async (sql: string, params: unknown[]) => (await subgraph.db.query(sql, params))[0].n as number;

const complaint = (text: string) => ({
  topic: 'ROADS',
  text,
  territory: ALMATY,
  evidence: [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(text).digest('hex'), 'photo')],
});

describe('filing a complaint with an idempotency key', () => {
  it('files once for retries sent in parallel, and answers each with the same complaint', async () => {
    const token = await testToken({ subject: 'retrying-citizen', roles: ['citizen'] });
    const text = 'Яма на дороге у остановки, машины объезжают по встречной.';
    const responses = await Promise.all(Array.from({ length: 8 }, () => gql(subgraph.url, FILE, { input: complaint(text), key: '5f0c1b8e-9a1d-4e51-b0a7-3c1d2e4f5a6b' }, token)));
    expect(responses.map((r) => r.errors)).toEqual(Array(8).fill(undefined));
    const ids = new Set(responses.map((r) => r.data!.fileComplaint.complaint.id));
    expect(ids.size).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM complaint WHERE text = $1`, [text])).toBe(1);
    // One filing: one history row and one event for subscribers.
    const [id] = ids;
    expect(await count(`SELECT count(*)::int AS n FROM complaint_status_change WHERE complaint_id = $1`, [id])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM complaint_event WHERE complaint_id = $1`, [id])).toBe(1);
  });

  it('files again without a key, or with another key, and takes the key from the Idempotency-Key header', async () => {
    const token = await testToken({ subject: 'header-citizen', roles: ['citizen'] });
    const text = 'Не горит фонарь во дворе дома, темно вечером.';
    const viaHeader = () =>
      fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': 'header-key-1' },
        body: JSON.stringify({ query: FILE, variables: { input: complaint(text) } }),
      }).then((r) => r.json() as Promise<{ data: { fileComplaint: { complaint: { id: string } } } }>);
    const [a, b] = await Promise.all([viaHeader(), viaHeader()]);
    expect(a.data.fileComplaint.complaint.id).toBe(b.data.fileComplaint.complaint.id);
    await gql(subgraph.url, FILE, { input: complaint(text), key: 'another-key' }, token);
    await gql(subgraph.url, FILE, { input: complaint(text) }, token);
    expect(await count(`SELECT count(*)::int AS n FROM complaint WHERE text = $1`, [text])).toBe(3);
  });
});

describe('recording volunteer help with an idempotency key', () => {
  it('records once for retries sent in parallel', async () => {
    const subject = 'retrying-volunteer';
    const token = await testToken({ subject, roles: ['volunteer'] });
    const joined = await gql(
      subgraph.url,
      `mutation($input: VolunteerProfileInput!) { registerVolunteer(input: $input) { id } }`,
      {
        input: {
          helpKinds: ['PHYSICAL_HELP'],
          availableDays: ['SAT'],
          availableFrom: '10:00',
          availableTo: '14:00',
          territory: MEDEU,
          hasCar: false,
          contact: { name: 'Волонтёр', email: `${subject}@example.kz` },
        },
      },
      token,
    );
    expect(joined.errors).toBeUndefined();
    const RECORD = `mutation($input: RecordVolunteerHelpInput!, $key: String) { recordVolunteerHelp(input: $input, idempotencyKey: $key) { id } }`;
    const input = { helpedOn: kzDay(), peopleHelped: 3, helpKind: 'PHYSICAL_HELP', territory: MEDEU };
    const responses = await Promise.all(Array.from({ length: 6 }, () => gql(subgraph.url, RECORD, { input, key: 'help-2026-12-04' }, token)));
    expect(responses.map((r) => r.errors)).toEqual(Array(6).fill(undefined));
    expect(new Set(responses.map((r) => r.data!.recordVolunteerHelp.id)).size).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM volunteer_help_record WHERE volunteer_id = $1`, [joined.data!.registerVolunteer.id])).toBe(1);
  });
});

describe('pledging with an idempotency key', () => {
  it('pledges once for retries sent in parallel', async () => {
    const proposed = await gql(
      subgraph.url,
      `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id status } }`,
      { input: { kind: 'INFRASTRUCTURE', direction: 'SPORT', category: 'A', title: { ru: 'Спортивная площадка во дворе' }, territory: MEDEU, estimate: 1_000_000 } },
      await testToken({ subject: 'initiative-author', roles: ['citizen'] }),
    );
    expect(proposed.data!.proposeInitiative.status).toBe('INITIATED');
    const initiative = proposed.data!.proposeInitiative.id;
    const patron = await testToken({ subject: 'retrying-patron', roles: ['patron'] });
    const PLEDGE = `mutation($input: PledgeToInitiativeInput!, $key: String) { pledgeToInitiative(input: $input, idempotencyKey: $key) { id amount } }`;
    const responses = await Promise.all(Array.from({ length: 6 }, () => gql(subgraph.url, PLEDGE, { input: { initiative, amount: 50_000 }, key: 'pledge-once' }, patron)));
    expect(responses.map((r) => r.errors)).toEqual(Array(6).fill(undefined));
    expect(new Set(responses.map((r) => r.data!.pledgeToInitiative.id)).size).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM initiative_pledge WHERE initiative_id = $1`, [initiative])).toBe(1);
  });
});
