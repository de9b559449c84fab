import { gql, outboxNotifications, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);
});
afterAll(() => subgraph?.close());

const MEDEU = '751710000';
const STARTS_AT = '2030-05-10T04:00:00.000Z';
const editor = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const person = (subject: string) => testToken({ roles: ['citizen'], subject });
const STUDENT = { kind: 'STUDENT', grade: 8, school: '№ 12 гимназия', schoolTerritory: MEDEU };

async function ok(query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const res = await gql(subgraph.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

async function openEvent(capacity: number): Promise<string> {
  const input = {
    kind: 'EXCURSION',
    baseProject: 'OLKETANU',
    title: { kk: 'Көктөбеге экскурсия' },
    startsAt: STARTS_AT,
    endsAt: '2030-05-10T12:00:00.000Z',
    territory: MEDEU,
    capacity,
    waitingList: true,
    organiser: 'Медеу ауданының білім бөлімі',
  };
  const id = (await ok(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, { input }, await editor())).createEvent.id;
  await ok(`mutation($id: ID!) { changeEventStatus(id: $id, to: REGISTRATION_OPEN) { id } }`, { id }, await editor());
  return id;
}

const REGISTER = `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id status } }`;
const CANCEL = `mutation($id: ID!) { cancelEventRegistration(id: $id) { id } }`;
const register = async (eventId: string, subject: string) => (await ok(REGISTER, { eventId, input: STUDENT }, await person(subject))).registerForEvent;
const confirmed = (eventId: string) => outboxNotifications(subgraph, { kind: 'REGISTRATION_CONFIRMED', aboutId: eventId });

it('a student moved from the waiting list to a place is told once; those confirmed at once are not', async () => {
  const eventId = await openEvent(1);
  const first = await register(eventId, 'student-first');
  const waiting = await register(eventId, 'student-waiting');
  expect([first.status, waiting.status]).toEqual(['CONFIRMED', 'WAITING']);
  expect(await confirmed(eventId)).toEqual([]);

  await ok(CANCEL, { id: first.id }, await person('student-first'));
  expect(await confirmed(eventId)).toEqual([
    {
      dedupeKey: `registration-confirmed:${waiting.id}`,
      recipientSubject: 'student-waiting',
      kind: 'REGISTRATION_CONFIRMED',
      about: { type: 'Event', id: eventId },
      params: { eventId, registrationId: waiting.id, startsAt: STARTS_AT, territoryCode: MEDEU },
      language: null,
      occurredAt: expect.any(String),
    },
  ]);
});

it('a larger capacity promotes the waiting list in order, one notice each', async () => {
  const eventId = await openEvent(1);
  await register(eventId, 'student-a');
  const b = await register(eventId, 'student-b');
  const c = await register(eventId, 'student-c');
  await ok(`mutation($id: ID!) { updateEvent(id: $id, input: { capacity: 3 }) { id } }`, { id: eventId }, await editor());
  expect((await confirmed(eventId)).map((n) => [n.recipientSubject, n.params.registrationId])).toEqual([
    ['student-b', b.id],
    ['student-c', c.id],
  ]);
});

it('a refused cancellation writes nothing', async () => {
  const eventId = await openEvent(1);
  const first = await register(eventId, 'student-x');
  await register(eventId, 'student-y');
  const res = await gql(subgraph.url, CANCEL, { id: first.id }, await person('someone-else'));
  expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await confirmed(eventId)).toEqual([]);
});
