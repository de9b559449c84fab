import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testEnv, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const BOSTANDYQ = '751410000';
const ASTANA = '710000000';

const citizen = (subject = 'citizen-aigerim') => testToken({ subject, roles: ['citizen'] });
const officer = (territory = ALMATY, subject = 'officer-almaty') => testToken({ subject, roles: ['akimat_officer'], territory });
const admin = () => testToken({ subject: 'admin-1', roles: ['admin'] });

const FILE = `mutation($input: FileComplaintInput!) {
  fileComplaint(input: $input) {
    complaint { id status topic text territory { code } location { lat lon } monument { id } isOpen indicator isMine history { from to byRole comment } }
    likelyDuplicates { id }
  }
}`;
const CHANGE = `mutation($id: ID!, $to: ComplaintStatus!, $comment: String, $duplicateOf: ID) {
  changeComplaintStatus(id: $id, to: $to, comment: $comment, duplicateOf: $duplicateOf) { id status isOpen indicator history { from to byRole comment at } }
}`;
const ONE = `query($id: ID!) { complaint(id: $id) { id status updatedAt history { from to byRole comment at } } }`;

let evidenceCounter = 0;
/** A genuine evidence id, as the gateway's upload endpoint would issue for a fresh file. */
const evidenceId = (kind: 'photo' | 'video' | 'audio' = 'photo') =>
  signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`complaint-test-${evidenceCounter++}`).digest('hex'), kind);

/** Each complaint gets its own spot (a few km apart) so filings do not see each other as duplicates. */
let spot = 0;
const nextLocation = () => ({ lat: 43.2 + (spot % 50) * 0.02, lon: 76.85 + Math.floor(spot++ / 50) * 0.02 });

const input = (overrides: Record<string, unknown> = {}) => ({
  topic: 'ROADS',
  text: 'На улице Кабанбай батыра у дома 120 провал асфальта, машины объезжают по тротуару.',
  territory: MEDEU,
  location: nextLocation(),
  evidence: [evidenceId()],
  ...overrides,
});

async function file(overrides: Record<string, unknown> = {}, token?: string): Promise<{ id: string; [k: string]: any }> {
  const res = await gql(subgraph.url, FILE, { input: input(overrides) }, token ?? (await citizen()));
  expect(res.errors).toBeUndefined();
  return res.data!.fileComplaint.complaint;
}

async function change(id: string, to: string, token?: string, comment?: string, duplicateOf?: string) {
  return gql(subgraph.url, CHANGE, { id, to, comment, duplicateOf }, token);
}

async function count(): Promise<{ complaints: number; history: number }> {
  const [{ complaints, history }] = await subgraph.db.query(
    `SELECT (SELECT count(*) FROM complaint)::int AS complaints, (SELECT count(*) FROM complaint_status_change)::int AS history`,
  );
  return { complaints, history };
}

describe('filing a complaint', () => {
  it('files as SUBMITTED with a first history row in the filer\'s role', async () => {
    const c = await file({ topic: 'HOUSING_AND_UTILITIES', location: { lat: 43.2532, lon: 76.9587 } });
    expect(c).toMatchObject({
      status: 'SUBMITTED',
      topic: 'HOUSING_AND_UTILITIES',
      territory: { code: MEDEU },
      location: { lat: 43.2532, lon: 76.9587 },
      monument: null,
      isOpen: true,
      indicator: 'RED',
      isMine: true,
      history: [{ from: null, to: 'SUBMITTED', byRole: 'CITIZEN', comment: null }],
    });
  });

  it('refers to a rukhani-qazyna monument by id', async () => {
    const monument = '019b7a00-0000-7000-8000-000000000049';
    const c = await file({ topic: 'MONUMENT_DAMAGE', monument });
    expect(c.monument).toEqual({ id: monument });
  });

  it('refuses anonymous callers with UNAUTHENTICATED, writing nothing', async () => {
    const before = await count();
    const res = await gql(subgraph.url, FILE, { input: input() });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toEqual(before);
  });

  it('rejects an unknown territory naming the field and the code, writing nothing', async () => {
    const before = await count();
    const res = await gql(subgraph.url, FILE, { input: input({ territory: '999999999' }) }, await citizen());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory', territoryCode: '999999999' });
    expect(res.data).toBeNull();
    expect(await count()).toEqual(before);
  });

  it.each([
    ['a malformed territory code', 'input.territory', { territory: '75-0000' }],
    ['too short a text', 'input.text', { text: 'Яма' }],
    ['a text of spaces around a few letters', 'input.text', { text: '    Яма       ' }],
    ['too long a text', 'input.text', { text: 'а'.repeat(5001) }],
    ['a longitude outside Kazakhstan', 'input.location.lon', { location: { lat: 41.3, lon: 39.2 } }],
    ['a latitude outside Kazakhstan', 'input.location.lat', { location: { lat: 60, lon: 76.9 } }],
    ['a monument id that is not a UUID', 'input.monument', { monument: 'KZH049' }],
  ])('rejects %s as BAD_USER_INPUT on %s, writing nothing', async (_case, field, overrides) => {
    const before = await count();
    const res = await gql(subgraph.url, FILE, { input: input(overrides) }, await citizen());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await count()).toEqual(before);
  });
});

describe('complaint lifecycle', () => {
  it('walks SUBMITTED -> ACCEPTED -> IN_PROGRESS -> RESOLVED, keeping every change', async () => {
    const { id } = await file();
    const token = await officer();
    for (const to of ['ACCEPTED', 'IN_PROGRESS', 'RESOLVED']) {
      const res = await change(id, to, token, to === 'RESOLVED' ? 'Асфальт уложен заново.' : undefined);
      expect(res.errors).toBeUndefined();
      expect(res.data!.changeComplaintStatus.status).toBe(to);
    }
    const res = await gql(subgraph.url, ONE, { id });
    const { history } = res.data!.complaint;
    expect(history.map((h: any) => [h.from, h.to, h.byRole])).toEqual([
      [null, 'SUBMITTED', 'CITIZEN'],
      ['SUBMITTED', 'ACCEPTED', 'AKIMAT_OFFICER'],
      ['ACCEPTED', 'IN_PROGRESS', 'AKIMAT_OFFICER'],
      ['IN_PROGRESS', 'RESOLVED', 'AKIMAT_OFFICER'],
    ]);
    expect(history[3].comment).toBe('Асфальт уложен заново.');
    const times = history.map((h: any) => Date.parse(h.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(res.data!.complaint.updatedAt).toBe(history[3].at);
  });

  it.each([
    [['DUPLICATE'], 'GREY'],
    [['ACCEPTED', 'DUPLICATE'], 'GREY'],
    [['ACCEPTED', 'IN_PROGRESS', 'RESOLVED_BY_CITIZENS'], 'GREEN'],
    [['ACCEPTED', 'IN_PROGRESS', 'REJECTED'], 'GREY'],
  ])('allows the path %j, closing with indicator %s', async (path, indicator) => {
    const original = await file();
    const { id } = await file();
    const token = await officer();
    for (const to of path) {
      const res = await change(id, to, token, to === 'REJECTED' ? 'Вопрос решается в рамках другой программы.' : undefined, to === 'DUPLICATE' ? original.id : undefined);
      expect(res.errors).toBeUndefined();
    }
    const res = await gql(subgraph.url, `query($id: ID!) { complaint(id: $id) { status isOpen indicator history { to } } }`, { id });
    expect(res.data!.complaint).toMatchObject({ status: path.at(-1), isOpen: false, indicator });
    expect(res.data!.complaint.history.map((h: any) => h.to)).toEqual(['SUBMITTED', ...path]);
  });

  it.each([
    [[], 'IN_PROGRESS'],
    [[], 'RESOLVED'],
    [[], 'SUBMITTED'],
    [['ACCEPTED'], 'RESOLVED'],
    [['ACCEPTED'], 'SUBMITTED'],
    [['ACCEPTED', 'IN_PROGRESS'], 'DUPLICATE'],
    [['ACCEPTED', 'IN_PROGRESS', 'RESOLVED'], 'IN_PROGRESS'],
    [['DUPLICATE'], 'ACCEPTED'],
  ])('after %j refuses a move to %s with INVALID_TRANSITION, changing nothing', async (path, to) => {
    const original = await file();
    const { id } = await file();
    const token = await officer();
    for (const step of path) expect((await change(id, step, token, undefined, step === 'DUPLICATE' ? original.id : undefined)).errors).toBeUndefined();
    const from = path.at(-1) ?? 'SUBMITTED';
    const before = await gql(subgraph.url, ONE, { id });
    const counts = await count();

    const res = await change(id, to, token, 'комментарий', to === 'DUPLICATE' ? original.id : undefined);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
    expect(res.errors?.[0].message).toContain(from);
    expect(res.errors?.[0].message).toContain(to);
    expect(await gql(subgraph.url, ONE, { id })).toEqual(before);
    expect(await count()).toEqual(counts);
  });

  it('requires a reason to reject, naming the comment argument', async () => {
    const { id } = await file();
    const token = await officer();
    const counts = await count();
    for (const comment of [undefined, '   ']) {
      const res = await change(id, 'REJECTED', token, comment);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'comment' });
    }
    expect(await count()).toEqual(counts);
    expect((await gql(subgraph.url, ONE, { id })).data!.complaint.status).toBe('SUBMITTED');

    const rejected = await change(id, 'REJECTED', token, '  Участок дороги не относится к ведению акимата района.  ');
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.changeComplaintStatus).toMatchObject({ status: 'REJECTED', isOpen: false, indicator: 'GREY' });
    expect(rejected.data!.changeComplaintStatus.history.at(-1)).toMatchObject({
      from: 'SUBMITTED',
      to: 'REJECTED',
      comment: 'Участок дороги не относится к ведению акимата района.',
    });
  });

  it('refuses officers whose scope does not cover the complaint, and non-officers, with FORBIDDEN', async () => {
    const { id } = await file({ territory: BOSTANDYQ });
    const counts = await count();
    const others = [
      await officer(ASTANA, 'officer-astana'),
      await officer(MEDEU, 'officer-medeu'),
      await testToken({ subject: 'project-office-almaty', roles: ['project_office'], territory: ALMATY }),
      await testToken({ subject: 'ngo-1', roles: ['ngo', 'volunteer'] }),
      await citizen(),
    ];
    for (const token of others) {
      const res = await change(id, 'ACCEPTED', token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      // Refused before anything about the input or the complaint's state is said.
      expect((await change(id, 'RESOLVED', token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await change(id, 'ACCEPTED', token, undefined, id)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // Non-officers are refused by the role gate before their input is even validated.
    for (const token of others.slice(2)) {
      expect((await change(id, 'REJECTED', token, 'x'.repeat(5000))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await count()).toEqual(counts);
    expect((await gql(subgraph.url, ONE, { id })).data!.complaint.status).toBe('SUBMITTED');
  });

  it('lets a district officer act inside their district and an admin anywhere', async () => {
    const original = await file({ territory: MEDEU });
    const { id } = await file({ territory: MEDEU });
    const accepted = await change(id, 'ACCEPTED', await officer(MEDEU, 'officer-medeu'));
    expect(accepted.errors).toBeUndefined();
    const duplicate = await change(id, 'DUPLICATE', await admin(), undefined, original.id);
    expect(duplicate.errors).toBeUndefined();
    expect(duplicate.data!.changeComplaintStatus.history.map((h: any) => h.byRole)).toEqual(['CITIZEN', 'AKIMAT_OFFICER', 'ADMIN']);
  });

  it('refuses anonymous status changes and unknown complaints', async () => {
    const { id } = await file();
    expect((await change(id, 'ACCEPTED')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const token = await officer();
    for (const unknown of ['019b7a00-0000-7000-8000-00000000dead', 'not-a-uuid']) {
      const res = await change(unknown, 'ACCEPTED', token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
  });
});

describe('reading complaints', () => {
  it('finds a complaint filed in a district under its city, and not elsewhere', async () => {
    const { id } = await file({ territory: MEDEU });
    const query = `query($t: ID!) {
      complaints(filter: { territory: $t }, first: 500) { totalCount nodes { id } }
      territory(code: $t) { complaints(first: 500) { totalCount nodes { id } } }
    }`;
    for (const code of [ALMATY, MEDEU]) {
      const res = await gql(subgraph.url, query, { t: code });
      expect(res.errors).toBeUndefined();
      expect(res.data!.complaints.nodes.map((n: any) => n.id)).toContain(id);
      expect(res.data!.territory.complaints.nodes.map((n: any) => n.id)).toContain(id);
      expect(res.data!.territory.complaints.totalCount).toBe(res.data!.complaints.totalCount);
    }
    for (const code of [ASTANA, BOSTANDYQ]) {
      const res = await gql(subgraph.url, query, { t: code });
      expect(res.data!.complaints.nodes.map((n: any) => n.id)).not.toContain(id);
    }
  });

  it('filters by topic, status and the viewer\'s own', async () => {
    const mine = await file({ topic: 'ECOLOGY' }, await citizen('citizen-filter'));
    const res = await gql(
      subgraph.url,
      `{
        ecology: complaints(filter: { topic: ECOLOGY }, first: 500) { nodes { id topic } }
        submitted: complaints(filter: { status: SUBMITTED }, first: 500) { nodes { status } }
        mine: complaints(filter: { mine: true }, first: 500) { totalCount nodes { id isMine } }
      }`,
      {},
      await citizen('citizen-filter'),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.ecology.nodes.map((n: any) => n.id)).toContain(mine.id);
    expect(res.data!.ecology.nodes.every((n: any) => n.topic === 'ECOLOGY')).toBe(true);
    expect(res.data!.submitted.nodes.every((n: any) => n.status === 'SUBMITTED')).toBe(true);
    expect(res.data!.mine).toEqual({ totalCount: 1, nodes: [{ id: mine.id, isMine: true }] });
    const anonymous = await gql(subgraph.url, `{ complaints(filter: { mine: true }) { totalCount } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('returns null for unknown and malformed ids', async () => {
    const res = await gql(subgraph.url, `{ a: complaint(id: "019b7a00-0000-7000-8000-00000000dead") { id } b: complaint(id: "nope") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ a: null, b: null });
  });

  it('never publishes the author\'s or officer\'s subject', async () => {
    const author = 'author-subject-7f3a9c';
    const officerSubject = 'officer-subject-b41e02';
    const { id } = await file({ topic: 'MONUMENT_DAMAGE', monument: '019b7a00-0000-7000-8000-000000000001' }, await citizen(author));
    await change(id, 'ACCEPTED', await officer(ALMATY, officerSubject));
    const comment = await gql(
      subgraph.url,
      `mutation($c: ID!) { commentOnComplaint(input: { complaint: $c, kind: PROPOSAL, text: "Можно поставить временное ограждение." }) { id } }`,
      { c: id },
      await citizen(author),
    );
    expect(comment.errors).toBeUndefined();
    await change(id, 'REJECTED', await officer(ALMATY, officerSubject), 'Дубликат обращения в акимат.');
    const everything = `query($id: ID!) {
      complaint(id: $id) { ...all }
      complaints(first: 50) { totalCount pageInfo { endCursor hasNextPage } nodes { ...all } }
      territory(code: "${ALMATY}") { complaints(first: 50) { nodes { ...all } } }
    }
    fragment all on Complaint {
      __typename id topic text status createdAt updatedAt isOpen indicator isMine
      territory { code name names { kk ru en } }
      location { lat lon }
      monument { __typename id }
      history { from to at byRole comment }
      dueOn isOverdue resolvedAt reopenableUntil isAssignedToMe
      responsibleTerritory { code }
      duplicateOf { id }
      evidenceCount evidence { kind url expiresAt }
      commentCount comments { totalCount nodes { id kind text byRole isMine createdAt } }
    }`;
    for (const token of [undefined, await citizen(author), await officer(ALMATY, officerSubject), await admin()]) {
      const res = await gql(subgraph.url, everything, { id }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.complaint.id).toBe(id);
      const body = JSON.stringify(res);
      expect(body).not.toContain(author);
      expect(body).not.toContain(officerSubject);
    }
  });
});

describe('query cost', () => {
  it('loads a page of complaints with territory and history in the same number of statements for 10 and 100 rows', async () => {
    const token = await citizen('citizen-bulk');
    const existing = (await gql(subgraph.url, `{ complaints { totalCount } }`)).data!.complaints.totalCount;
    const missing = Math.max(0, 110 - existing);
    for (let i = 0; i < missing; i += 10) {
      await Promise.all(
        Array.from({ length: Math.min(10, missing - i) }, (_, j) => file({ text: `Жалоба номер ${i + j}: не работает уличное освещение.` }, token)),
      );
    }
    const counter = statementCounter(subgraph.db);
    // The live-subscription outbox polls on the same pool; its reads are not this query's.
    const counting = counter as unknown as { logQuery(query: string, ...rest: unknown[]): void };
    const original = counting.logQuery.bind(counter);
    // The rest carries the query runner, by which the counter leaves out the notification relay's rounds.
    counting.logQuery = (query: string, ...rest: unknown[]) => {
      if (!query.includes('complaint_event')) original(query, ...rest);
    };
    const page = async (first: number) => {
      counter.reset();
      const res = await gql(subgraph.url, `query($first: Int!) { complaints(first: $first) { nodes { id territory { name } responsibleTerritory { code } isOverdue history { to at } evidenceCount commentCount } } }`, { first });
      expect(res.errors).toBeUndefined();
      expect(res.data!.complaints.nodes).toHaveLength(first);
      expect(res.data!.complaints.nodes.every((n: any) => n.history.length >= 1)).toBe(true);
      return counter.count;
    };
    const ten = await page(10);
    const hundred = await page(100);
    expect(hundred).toBe(ten);
    // count + page + history + evidence + comment counts
    expect(ten).toBe(5);
    counting.logQuery = original;
  });
});
