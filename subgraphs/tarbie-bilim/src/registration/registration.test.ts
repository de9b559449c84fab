import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);
});
afterAll(() => subgraph?.close());

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const officerToken = (territory: string) => testToken({ roles: ['akimat_officer'], territory });
const personToken = (subject: string) => testToken({ roles: ['citizen'], subject });

const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`;
const CHANGE = `mutation($id: ID!, $to: EventStatus!) { changeEventStatus(id: $id, to: $to) { id status } }`;
const REGISTER = `mutation($eventId: ID!, $input: EventRegistrationInput!) {
  registerForEvent(eventId: $eventId, input: $input) { id status participantKind grade school schoolTerritory { code } registeredAt confirmedAt waitingPosition event { id registeredCount waitingListLength } }
}`;
const CANCEL = `mutation($id: ID!) { cancelEventRegistration(id: $id) { id status cancelledAt } }`;
const COUNTS = `query($id: ID!) { event(id: $id) { status capacity waitingList registeredCount waitingListLength placesLeft } }`;
const REGISTRANTS = `query($eventId: ID!, $status: EventRegistrationStatus) {
  eventRegistrations(eventId: $eventId, filter: { status: $status }, first: 500) { totalCount nodes { id status school grade waitingPosition registeredAt } }
}`;

const STUDENT = { kind: 'STUDENT', grade: 8, school: '№ 12 гимназия', schoolTerritory: '751710000' };
const TEACHER = { kind: 'TEACHER', school: '№ 12 гимназия', schoolTerritory: '751710000' };

let subjects = 0;
function nextSubject(): string {
  subjects += 1;
  return `registration-test-${subjects}`;
}

/** An event in the Medeu district of Almaty, moved along the lifecycle to `status`. */
async function eventIn(status: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const token = await editorToken();
  const created = await gql(
    subgraph.url,
    CREATE,
    {
      input: {
        kind: 'EXCURSION',
        baseProject: 'OLKETANU',
        title: { kk: 'Көктөбеге экскурсия' },
        startsAt: '2030-05-10T04:00:00.000Z',
        endsAt: '2030-05-10T12:00:00.000Z',
        territory: '751710000',
        capacity: 3,
        organiser: 'Медеу ауданының білім бөлімі',
        ...overrides,
      },
    },
    token,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createEvent.id as string;
  const path = ['REGISTRATION_OPEN', 'ONGOING', 'COMPLETED'];
  const steps = status === 'CANCELLED' ? ['CANCELLED'] : path.slice(0, path.indexOf(status) + 1);
  for (const to of steps) {
    const res = await gql(subgraph.url, CHANGE, { id, to }, token);
    expect(res.errors).toBeUndefined();
  }
  return id;
}

async function register(eventId: string, subject: string, input: Record<string, unknown> = STUDENT) {
  return gql(subgraph.url, REGISTER, { eventId, input }, await personToken(subject));
}

async function registerOk(eventId: string, subject: string, input: Record<string, unknown> = STUDENT) {
  const res = await register(eventId, subject, input);
  expect(res.errors).toBeUndefined();
  return res.data!.registerForEvent as { id: string; status: string; waitingPosition: number | null; registeredAt: string };
}

async function counts(eventId: string) {
  return (await gql(subgraph.url, COUNTS, { id: eventId })).data!.event;
}

async function registrants(eventId: string, status?: string) {
  const res = await gql(subgraph.url, REGISTRANTS, { eventId, status }, await editorToken());
  expect(res.errors).toBeUndefined();
  return res.data!.eventRegistrations as { totalCount: number; nodes: { id: string; status: string; waitingPosition: number | null }[] };
}

describe('registration', () => {
  it('confirms a student while places are free and shows the public only counts', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const subject = nextSubject();
    const reg = await registerOk(eventId, subject);
    expect(reg).toMatchObject({
      status: 'CONFIRMED',
      participantKind: 'STUDENT',
      grade: 8,
      school: '№ 12 гимназия',
      schoolTerritory: { code: '751710000' },
      waitingPosition: null,
      event: { id: eventId, registeredCount: 1, waitingListLength: 0 },
    });
    expect(reg.registeredAt).toEqual(expect.any(String));

    const teacher = await registerOk(eventId, nextSubject(), TEACHER);
    expect(teacher).toMatchObject({ status: 'CONFIRMED', participantKind: 'TEACHER', grade: null });

    expect(await counts(eventId)).toEqual({
      status: 'REGISTRATION_OPEN',
      capacity: 3,
      waitingList: false,
      registeredCount: 2,
      waitingListLength: 0,
      placesLeft: 1,
    });
    // The subject never leaves the server, not even to the participant.
    const mine = await gql(subgraph.url, `{ myRegistrations { nodes { id } } }`, {}, await personToken(subject));
    expect(JSON.stringify(mine)).not.toContain(subject);
  });

  it('refuses registration unless the event is REGISTRATION_OPEN, writing nothing', async () => {
    for (const status of ['PLANNED', 'ONGOING', 'COMPLETED', 'CANCELLED']) {
      const eventId = await eventIn(status);
      const res = await register(eventId, nextSubject());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId', reason: 'REGISTRATION_CLOSED', status });
      expect(await counts(eventId)).toMatchObject({ registeredCount: 0, waitingListLength: 0 });
    }
  });

  it('refuses a second registration of the same person, and allows one after cancelling', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const subject = nextSubject();
    const first = await registerOk(eventId, subject);
    const again = await register(eventId, subject, TEACHER);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId', reason: 'ALREADY_REGISTERED' });
    expect(await counts(eventId)).toMatchObject({ registeredCount: 1 });

    const cancelled = await gql(subgraph.url, CANCEL, { id: first.id }, await personToken(subject));
    expect(cancelled.errors).toBeUndefined();
    expect(cancelled.data!.cancelEventRegistration).toMatchObject({ id: first.id, status: 'CANCELLED', cancelledAt: expect.any(String) });
    const twice = await gql(subgraph.url, CANCEL, { id: first.id }, await personToken(subject));
    expect(twice.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id', reason: 'ALREADY_CANCELLED' });

    const back = await registerOk(eventId, subject);
    expect(back.id).not.toBe(first.id);
    expect(await counts(eventId)).toMatchObject({ registeredCount: 1 });
    const myView = await gql(subgraph.url, `query($id: ID!) { event(id: $id) { myRegistration { id status } } }`, { id: eventId }, await personToken(subject));
    expect(myView.data!.event.myRegistration).toEqual({ id: back.id, status: 'CONFIRMED' });
  });

  it('refuses a full event without a waiting list with EVENT_FULL', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN', { capacity: 2 });
    await registerOk(eventId, nextSubject());
    await registerOk(eventId, nextSubject());
    const full = await register(eventId, nextSubject());
    expect(full.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId', reason: 'EVENT_FULL', capacity: 2 });
    expect(await counts(eventId)).toMatchObject({ registeredCount: 2, waitingListLength: 0, placesLeft: 0 });
    expect((await registrants(eventId)).totalCount).toBe(2);
  });

  it('confirms everyone when the event has no capacity limit', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN', { capacity: null, kind: 'WEBINAR' });
    for (let i = 0; i < 5; i += 1) expect((await registerOk(eventId, nextSubject())).status).toBe('CONFIRMED');
    expect(await counts(eventId)).toMatchObject({ capacity: null, registeredCount: 5, placesLeft: null });
  });

  it('validates the participant details, naming the field and writing nothing', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const cases: [string, Record<string, unknown>][] = [
      ['input.grade', { kind: 'STUDENT', school: 'Мектеп', schoolTerritory: '751710000' }],
      ['input.grade', { kind: 'TEACHER', grade: 5, school: 'Мектеп', schoolTerritory: '751710000' }],
      ['input.grade', { ...STUDENT, grade: 13 }],
      ['input.grade', { ...STUDENT, grade: 0 }],
      ['input.school', { ...STUDENT, school: '   ' }],
      ['input.school', { ...STUDENT, school: '' }],
      ['input.schoolTerritory', { ...STUDENT, schoolTerritory: '999999999' }],
      ['input.schoolTerritory', { ...STUDENT, schoolTerritory: '75171' }],
    ];
    for (const [field, input] of cases) {
      const res = await register(eventId, nextSubject(), input);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect(await counts(eventId)).toMatchObject({ registeredCount: 0 });
    const unknown = await register('00000000-0000-7000-8000-000000000000', nextSubject());
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'eventId' });
    const malformed = await register('nope', nextSubject());
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'eventId' });
  });

  it('requires a signed-in person to register', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const res = await gql(subgraph.url, REGISTER, { eventId, input: STUDENT });
    expect(res.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('waiting list', () => {
  it('queues registrations beyond capacity and fills freed places first come, first served', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN', { capacity: 2, waitingList: true });
    const people = Array.from({ length: 6 }, () => nextSubject());
    const regs: Awaited<ReturnType<typeof registerOk>>[] = [];
    for (const subject of people) regs.push(await registerOk(eventId, subject));
    expect(regs.map((r) => r.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITING', 'WAITING', 'WAITING', 'WAITING']);
    expect(regs.map((r) => r.waitingPosition)).toEqual([null, null, 1, 2, 3, 4]);
    expect(await counts(eventId)).toMatchObject({ registeredCount: 2, waitingListLength: 4, placesLeft: 0 });

    // A confirmed participant cancels: the first waiting registration takes the place.
    const cancel = await gql(subgraph.url, CANCEL, { id: regs[0].id }, await personToken(people[0]));
    expect(cancel.errors).toBeUndefined();
    let list = await registrants(eventId);
    const status = (i: number) => list.nodes.find((n) => n.id === regs[i].id)!;
    expect(status(2)).toMatchObject({ status: 'CONFIRMED', waitingPosition: null });
    expect([3, 4, 5].map((i) => status(i).waitingPosition)).toEqual([1, 2, 3]);
    expect(await counts(eventId)).toMatchObject({ registeredCount: 2, waitingListLength: 3 });

    // A waiting registration leaves: nobody is promoted, the queue closes up.
    await gql(subgraph.url, CANCEL, { id: regs[3].id }, await personToken(people[3]));
    list = await registrants(eventId);
    expect(status(3).status).toBe('CANCELLED');
    expect([4, 5].map((i) => status(i))).toEqual([
      expect.objectContaining({ status: 'WAITING', waitingPosition: 1 }),
      expect.objectContaining({ status: 'WAITING', waitingPosition: 2 }),
    ]);
    expect(await counts(eventId)).toMatchObject({ registeredCount: 2, waitingListLength: 2 });

    // The participant sees the promotion in their own registrations.
    const mine = await gql(subgraph.url, `{ myRegistrations { nodes { id status confirmedAt event { id } } } }`, {}, await personToken(people[2]));
    expect(mine.data!.myRegistrations.nodes).toEqual([{ id: regs[2].id, status: 'CONFIRMED', confirmedAt: expect.any(String), event: { id: eventId } }]);
  });

  it('admits the waiting list in order when the capacity grows, and refuses shrinking below confirmed places', async () => {
    const token = await editorToken();
    const eventId = await eventIn('REGISTRATION_OPEN', { capacity: 2, waitingList: true });
    const regs: Awaited<ReturnType<typeof registerOk>>[] = [];
    for (let i = 0; i < 5; i += 1) regs.push(await registerOk(eventId, nextSubject()));

    const shrink = await gql(subgraph.url, `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 1 }) { id } }`, { id: eventId }, token);
    expect(shrink.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.capacity', confirmed: 2 });

    const grow = await gql(
      subgraph.url,
      `mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 4 }) { capacity registeredCount waitingListLength placesLeft } }`,
      { id: eventId },
      token,
    );
    expect(grow.errors).toBeUndefined();
    expect(grow.data!.updateEvent).toEqual({ capacity: 4, registeredCount: 4, waitingListLength: 1, placesLeft: 0 });
    const list = await registrants(eventId);
    const byId = new Map(list.nodes.map((n) => [n.id, n]));
    expect(regs.map((r) => byId.get(r.id)!.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'CONFIRMED', 'WAITING']);
  });

  it('refuses further registrations once the waiting list is turned off, keeping those already waiting', async () => {
    const token = await editorToken();
    const eventId = await eventIn('REGISTRATION_OPEN', { capacity: 1, waitingList: true });
    await registerOk(eventId, nextSubject());
    const waiting = await registerOk(eventId, nextSubject());
    expect(waiting.status).toBe('WAITING');
    const off = await gql(subgraph.url, `mutation($id: ID!) { updateEvent(id: $id, input: { waitingList: false }) { waitingList } }`, { id: eventId }, token);
    expect(off.data!.updateEvent).toEqual({ waitingList: false });
    const refused = await register(eventId, nextSubject());
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'EVENT_FULL' });
    expect(await counts(eventId)).toMatchObject({ registeredCount: 1, waitingListLength: 1 });
  });
});

describe('registration privacy and roles', () => {
  it('shows the registrant list to organisers only', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    await registerOk(eventId, nextSubject());
    const query = (token?: string) => gql(subgraph.url, REGISTRANTS, { eventId }, token);

    expect((await query()).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await query(await personToken(nextSubject()))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await query(await officerToken('610000000'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await query(await testToken({ roles: ['ministry_editor'], subprogramme: 'atameken' }))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    for (const token of [await officerToken('750000000'), await officerToken('751710000'), await editorToken(), await testToken({ roles: ['admin'] })]) {
      const res = await query(token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.eventRegistrations.totalCount).toBe(1);
    }
    const unknown = await gql(subgraph.url, REGISTRANTS, { eventId: '00000000-0000-7000-8000-000000000000' }, await editorToken());
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'eventId' });
  });

  it('gives each person their own registration only', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const alice = nextSubject();
    const bob = nextSubject();
    const reg = await registerOk(eventId, alice);
    const MY = `query($id: ID!) { event(id: $id) { myRegistration { id } } }`;
    expect((await gql(subgraph.url, MY, { id: eventId })).data!.event.myRegistration).toBeNull();
    expect((await gql(subgraph.url, MY, { id: eventId }, await personToken(bob))).data!.event.myRegistration).toBeNull();
    expect((await gql(subgraph.url, MY, { id: eventId }, await personToken(alice))).data!.event.myRegistration).toEqual({ id: reg.id });

    const bobs = await gql(subgraph.url, `{ myRegistrations { totalCount } }`, {}, await personToken(bob));
    expect(bobs.data!.myRegistrations.totalCount).toBe(0);
    const anonymous = await gql(subgraph.url, `{ myRegistrations { totalCount } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('lets the participant and the organisers cancel, nobody else', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const alice = nextSubject();
    const reg = await registerOk(eventId, alice);
    const stranger = await gql(subgraph.url, CANCEL, { id: reg.id }, await personToken(nextSubject()));
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreignOfficer = await gql(subgraph.url, CANCEL, { id: reg.id }, await officerToken('610000000'));
    expect(foreignOfficer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await counts(eventId)).toMatchObject({ registeredCount: 1 });

    const organiser = await gql(subgraph.url, CANCEL, { id: reg.id }, await officerToken('751710000'));
    expect(organiser.errors).toBeUndefined();
    expect(organiser.data!.cancelEventRegistration.status).toBe('CANCELLED');
    expect(await counts(eventId)).toMatchObject({ registeredCount: 0 });

    const unknown = await gql(subgraph.url, CANCEL, { id: '00000000-0000-7000-8000-000000000000' }, await personToken(alice));
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('tells registrants that their event was cancelled, and freezes its registrations', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const alice = nextSubject();
    const reg = await registerOk(eventId, alice);
    const cancelEvent = await gql(subgraph.url, CHANGE, { id: eventId, to: 'CANCELLED' }, await editorToken());
    expect(cancelEvent.errors).toBeUndefined();

    const mine = await gql(subgraph.url, `{ myRegistrations { nodes { id status event { id status } } } }`, {}, await personToken(alice));
    expect(mine.data!.myRegistrations.nodes).toEqual([{ id: reg.id, status: 'CONFIRMED', event: { id: eventId, status: 'CANCELLED' } }]);
    const late = await gql(subgraph.url, CANCEL, { id: reg.id }, await personToken(alice));
    expect(late.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'id', reason: 'EVENT_CLOSED', status: 'CANCELLED' });
  });

  it('filters the viewer\'s registrations by status', async () => {
    const alice = nextSubject();
    const open = await eventIn('REGISTRATION_OPEN', { capacity: 1, waitingList: true });
    await registerOk(open, nextSubject());
    const waiting = await registerOk(open, alice);
    const other = await eventIn('REGISTRATION_OPEN');
    const confirmed = await registerOk(other, alice);
    const byStatus = async (status: string) =>
      (await gql(subgraph.url, `query($s: EventRegistrationStatus) { myRegistrations(filter: { status: $s }) { nodes { id } } }`, { s: status }, await personToken(alice)))
        .data!.myRegistrations.nodes;
    expect(await byStatus('WAITING')).toEqual([{ id: waiting.id }]);
    expect(await byStatus('CONFIRMED')).toEqual([{ id: confirmed.id }]);
  });
});

describe('participant name', () => {
  it('is shown to the event\'s organisers only, never to the participant, other officers or the public', async () => {
    const eventId = await eventIn('REGISTRATION_OPEN');
    const subject = nextSubject();
    const reg = await registerOk(eventId, subject, { ...STUDENT, participantName: '  Айгерім Сәрсенова ' });
    const NAMED = `query($eventId: ID!) { eventRegistrations(eventId: $eventId, first: 10) { nodes { id participantName } } }`;
    const organisers = [await editorToken(), await officerToken('751710000'), await officerToken('750000000')];
    for (const token of organisers) {
      const res = await gql(subgraph.url, NAMED, { eventId }, token);
      expect(res.errors).toBeUndefined();
      expect(res.data!.eventRegistrations.nodes).toEqual([{ id: reg.id, participantName: 'Айгерім Сәрсенова' }]);
    }
    const own = await gql(subgraph.url, `{ myRegistrations(first: 50) { nodes { id participantName } } }`, {}, await personToken(subject));
    expect(own.data!.myRegistrations.nodes).toEqual([{ id: reg.id, participantName: null }]);
    // An officer of another territory cannot list the registrants at all.
    expect((await gql(subgraph.url, NAMED, { eventId }, await officerToken('611000000'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const tooLong = await register(eventId, nextSubject(), { ...STUDENT, participantName: 'А'.repeat(201) });
    expect(tooLong.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.participantName' });
  });
});
