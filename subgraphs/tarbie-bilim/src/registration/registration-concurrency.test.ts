import { gql, type GraphQLResponse, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

/**
 * Many registrations at once, over real HTTP against the real database: the event's
 * row lock must decide them one by one, so confirmed places never exceed capacity.
 */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);
});
afterAll(() => subgraph?.close());

const REQUESTS = 120;
const CAPACITY = 25;

const REGISTER = `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id status registeredAt } }`;
const CANCEL = `mutation($id: ID!) { cancelEventRegistration(id: $id) { id status } }`;
const STUDENT = { kind: 'STUDENT', grade: 9, school: '№ 165 лицей', schoolTerritory: '751110000' };

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });

async function openEvent(waitingList: boolean): Promise<string> {
  const token = await editorToken();
  const created = await gql(
    subgraph.url,
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        kind: 'OLYMPIAD',
        baseProject: 'OLKETANU',
        title: { kk: 'Өлкетану олимпиадасы' },
        startsAt: '2030-03-01T04:00:00.000Z',
        endsAt: '2030-03-01T10:00:00.000Z',
        territory: '751110000',
        capacity: CAPACITY,
        waitingList,
        organiser: 'Алмалы ауданының білім бөлімі',
      },
    },
    token,
  );
  const id = created.data!.createEvent.id as string;
  await gql(subgraph.url, `mutation($id: ID!) { changeEventStatus(id: $id, to: REGISTRATION_OPEN) { id } }`, { id }, token);
  return id;
}

function tokens(prefix: string, count: number): Promise<string[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => testToken({ roles: ['citizen'], subject: `${prefix}-${i}` })));
}

type Registered = GraphQLResponse<{ registerForEvent: { id: string; status: string; registeredAt: string } }>;

/** Outcome of each response: the registration status, or the error code and reason. */
function outcomes(responses: Registered[]): Record<string, number> {
  const tally: Record<string, number> = {};
  for (const res of responses) {
    const key = res.data?.registerForEvent?.status ?? `${res.errors?.[0].extensions?.code}:${res.errors?.[0].extensions?.reason}`;
    tally[key] = (tally[key] ?? 0) + 1;
  }
  return tally;
}

/** Counters on the event row against the registration rows themselves. */
async function databaseCounts(eventId: string) {
  const [event] = await subgraph.db.query(`SELECT confirmed_count, waiting_count FROM event WHERE id = $1`, [eventId]);
  const rows: { status: string; count: number }[] = await subgraph.db.query(
    `SELECT status, count(*)::int AS count FROM event_registration WHERE event_id = $1 GROUP BY status`,
    [eventId],
  );
  const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.count]));
  return { counters: { confirmed: event.confirmed_count, waiting: event.waiting_count }, rows: { confirmed: byStatus.CONFIRMED ?? 0, waiting: byStatus.WAITING ?? 0 } };
}

describe('registration under concurrency', () => {
  it(`confirms exactly ${CAPACITY} of ${REQUESTS} parallel requests and refuses the rest when there is no waiting list`, async () => {
    const eventId = await openEvent(false);
    const people = await tokens('full', REQUESTS);
    const responses = (await Promise.all(people.map((token) => gql(subgraph.url, REGISTER, { eventId, input: STUDENT }, token)))) as Registered[];

    expect(outcomes(responses)).toEqual({ CONFIRMED: CAPACITY, 'CONFLICT:EVENT_FULL': REQUESTS - CAPACITY });
    for (const res of responses.filter((r) => r.errors)) expect(res.errors![0].extensions).toMatchObject({ field: 'eventId', capacity: CAPACITY });
    expect(await databaseCounts(eventId)).toEqual({ counters: { confirmed: CAPACITY, waiting: 0 }, rows: { confirmed: CAPACITY, waiting: 0 } });
    const pub = await gql(subgraph.url, `query($id: ID!) { event(id: $id) { registeredCount waitingListLength placesLeft } }`, { id: eventId });
    expect(pub.data!.event).toEqual({ registeredCount: CAPACITY, waitingListLength: 0, placesLeft: 0 });
  });

  it(`confirms exactly ${CAPACITY} of ${REQUESTS} parallel requests and queues the rest, then promotes in order under parallel cancellations`, async () => {
    const eventId = await openEvent(true);
    const people = await tokens('queue', REQUESTS);
    const responses = (await Promise.all(people.map((token) => gql(subgraph.url, REGISTER, { eventId, input: STUDENT }, token)))) as Registered[];

    expect(outcomes(responses)).toEqual({ CONFIRMED: CAPACITY, WAITING: REQUESTS - CAPACITY });
    expect(await databaseCounts(eventId)).toEqual({
      counters: { confirmed: CAPACITY, waiting: REQUESTS - CAPACITY },
      rows: { confirmed: CAPACITY, waiting: REQUESTS - CAPACITY },
    });

    // Places went to the first decided: every confirmed registration precedes every waiting one.
    const regs = responses.map((r, person) => ({ person, ...r.data!.registerForEvent }));
    const confirmed = regs.filter((r) => r.status === 'CONFIRMED');
    const queue = regs.filter((r) => r.status === 'WAITING').sort((a, b) => a.registeredAt.localeCompare(b.registeredAt) || a.id.localeCompare(b.id));
    expect(Math.max(...confirmed.map((r) => Date.parse(r.registeredAt)))).toBeLessThanOrEqual(Math.min(...queue.map((r) => Date.parse(r.registeredAt))));

    const positions = await gql(
      subgraph.url,
      `query($id: ID!) { eventRegistrations(eventId: $id, filter: { status: WAITING }, first: 500) { nodes { id waitingPosition } } }`,
      { id: eventId },
      await editorToken(),
    );
    const positionOf = new Map(positions.data!.eventRegistrations.nodes.map((n: { id: string; waitingPosition: number }) => [n.id, n.waitingPosition]));
    expect(queue.map((r) => positionOf.get(r.id))).toEqual(queue.map((_, i) => i + 1));

    // At once: 10 confirmed participants cancel, the last 5 of the queue leave, 10 newcomers register.
    const leavingConfirmed = confirmed.slice(0, 10);
    const leavingQueue = queue.slice(-5);
    const newcomers = await tokens('late', 10);
    const mixed = await Promise.all([
      ...leavingConfirmed.map((r) => gql(subgraph.url, CANCEL, { id: r.id }, people[r.person])),
      ...leavingQueue.map((r) => gql(subgraph.url, CANCEL, { id: r.id }, people[r.person])),
      ...newcomers.map((token) => gql(subgraph.url, REGISTER, { eventId, input: STUDENT }, token)),
    ]);
    expect(mixed.filter((r) => r.errors)).toEqual([]);
    expect(mixed.slice(leavingConfirmed.length + leavingQueue.length).map((r) => r.data!.registerForEvent.status)).toEqual(Array(10).fill('WAITING'));

    const waitingAfter = REQUESTS - CAPACITY - 10 - 5 + 10;
    expect(await databaseCounts(eventId)).toEqual({ counters: { confirmed: CAPACITY, waiting: waitingAfter }, rows: { confirmed: CAPACITY, waiting: waitingAfter } });
    // Exactly the head of the queue was promoted, in order.
    const promoted = await subgraph.db.query(
      `SELECT id FROM event_registration WHERE event_id = $1 AND status = 'CONFIRMED' AND confirmed_at > registered_at ORDER BY registered_at, id`,
      [eventId],
    );
    expect(promoted.map((r: { id: string }) => r.id)).toEqual(queue.slice(0, 10).map((r) => r.id));
  });

  it('lets one person register once however many requests they send at the same time', async () => {
    const eventId = await openEvent(true);
    const token = await testToken({ roles: ['citizen'], subject: 'eager-student' });
    const responses = (await Promise.all(Array.from({ length: 20 }, () => gql(subgraph.url, REGISTER, { eventId, input: STUDENT }, token)))) as Registered[];
    expect(outcomes(responses)).toEqual({ CONFIRMED: 1, 'CONFLICT:ALREADY_REGISTERED': 19 });
    for (const res of responses.filter((r) => r.errors)) expect(res.errors![0].extensions?.field).toBe('eventId');
    expect(await databaseCounts(eventId)).toEqual({ counters: { confirmed: 1, waiting: 0 }, rows: { confirmed: 1, waiting: 0 } });
  });
});

describe('idempotent registration', () => {
  const REGISTER_ONCE = `mutation($eventId: ID!, $input: EventRegistrationInput!, $key: String) {
    registerForEvent(eventId: $eventId, input: $input, idempotencyKey: $key) { id status }
  }`;
  const rows = async (eventId: string) =>
    (await subgraph.db.query(`SELECT count(*)::int AS n FROM event_registration WHERE event_id = $1`, [eventId]))[0].n as number;

  it('answers retries with the same key, sent in parallel, with the one registration the first made', async () => {
    const eventId = await openEvent(false);
    const token = await testToken({ roles: ['citizen'], subject: 'retrying-student' });
    const responses = await Promise.all(Array.from({ length: 10 }, () => gql(subgraph.url, REGISTER_ONCE, { eventId, input: STUDENT, key: 'b7e6d1c2-retry-1' }, token)));
    expect(responses.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(new Set(responses.map((r) => r.data!.registerForEvent.id)).size).toBe(1);
    expect(await rows(eventId)).toBe(1);
  });

  it('takes the key from the Idempotency-Key header too, per person, and refuses a malformed key', async () => {
    const eventId = await openEvent(false);
    const [first, second] = await tokens('header-student', 2);
    const send = (token: string, key: string) =>
      fetch(subgraph.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
        body: JSON.stringify({ query: REGISTER_ONCE, variables: { eventId, input: STUDENT } }),
      }).then((r) => r.json() as Promise<Registered>);
    const [a, b] = await Promise.all([send(first, 'same-key'), send(first, 'same-key')]);
    expect(a.data!.registerForEvent.id).toBe(b.data!.registerForEvent.id);
    // Another person's same key is their own.
    const other = await send(second, 'same-key');
    expect(other.data!.registerForEvent.id).not.toBe(a.data!.registerForEvent.id);
    expect(await rows(eventId)).toBe(2);
    const bad = await gql(subgraph.url, REGISTER_ONCE, { eventId, input: STUDENT, key: 'has space' }, first);
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'idempotencyKey' });
  });

  it('still refuses a second registration without a key', async () => {
    const eventId = await openEvent(false);
    const token = await testToken({ roles: ['citizen'], subject: 'keyless-student' });
    expect((await gql(subgraph.url, REGISTER_ONCE, { eventId, input: STUDENT }, token)).errors).toBeUndefined();
    const again = await gql(subgraph.url, REGISTER_ONCE, { eventId, input: STUDENT }, token);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_REGISTERED' });
  });
});
