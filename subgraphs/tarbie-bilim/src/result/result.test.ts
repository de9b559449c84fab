import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);
});
afterAll(() => subgraph?.close());

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const personToken = (subject: string) => testToken({ roles: ['citizen'], subject });

const CHANGE = `mutation($id: ID!, $to: EventStatus!) { changeEventStatus(id: $id, to: $to) { id } }`;
const RECORD = `mutation($eventId: ID!, $results: [EventResultInput!]!) {
  recordEventResults(eventId: $eventId, results: $results) { id results { placing award } }
}`;
const RESULTS = `query($id: ID!) { event(id: $id) { results { placing award registration { id school } } } }`;
const STUDENT = { kind: 'STUDENT', grade: 10, school: '№ 54 мектеп-гимназия', schoolTerritory: '751410000' };

interface Fixture {
  eventId: string;
  /** Registration ids by participant subject, in registration order. */
  regs: { subject: string; id: string; status: string }[];
}

let events = 0;

/**
 * An event of `kind` with `people` registered (capacity 3, waiting list on), then moved
 * to `status` (REGISTRATION_OPEN, ONGOING or COMPLETED).
 */
async function eventWithParticipants(kind: string, status: string, people = 4): Promise<Fixture> {
  events += 1;
  const token = await editorToken();
  const created = await gql(
    subgraph.url,
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        kind,
        baseProject: 'OLKETANU',
        title: { ru: 'Олимпиада по краеведению' },
        startsAt: '2030-03-01T04:00:00.000Z',
        endsAt: '2030-03-01T10:00:00.000Z',
        territory: '751410000',
        capacity: 3,
        waitingList: true,
        organiser: 'Бостандық ауданының білім бөлімі',
      },
    },
    token,
  );
  const eventId = created.data!.createEvent.id as string;
  await gql(subgraph.url, CHANGE, { id: eventId, to: 'REGISTRATION_OPEN' }, token);
  const regs = [];
  for (let i = 0; i < people; i += 1) {
    const subject = `result-test-${events}-${i}`;
    const res = await gql(
      subgraph.url,
      `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id status } }`,
      { eventId, input: STUDENT },
      await personToken(subject),
    );
    regs.push({ subject, ...res.data!.registerForEvent });
  }
  for (const to of ['ONGOING', 'COMPLETED'].slice(0, ['REGISTRATION_OPEN', 'ONGOING', 'COMPLETED'].indexOf(status))) {
    expect((await gql(subgraph.url, CHANGE, { id: eventId, to }, token)).errors).toBeUndefined();
  }
  return { eventId, regs };
}

describe('event results', () => {
  it('records placings and awards of a completed olympiad, best placing first, replacing earlier results', async () => {
    const { eventId, regs } = await eventWithParticipants('OLYMPIAD', 'COMPLETED');
    const token = await editorToken();
    const res = await gql(
      subgraph.url,
      RECORD,
      {
        eventId,
        results: [
          { registration: regs[2].id, award: 'Мақтау қағазы' },
          { registration: regs[1].id, placing: 1, award: 'I дәрежелі диплом' },
          { registration: regs[0].id, placing: 2 },
        ],
      },
      token,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recordEventResults.results).toEqual([
      { placing: 1, award: 'I дәрежелі диплом' },
      { placing: 2, award: null },
      { placing: null, award: 'Мақтау қағазы' },
    ]);

    const replaced = await gql(subgraph.url, RECORD, { eventId, results: [{ registration: regs[0].id, placing: 1 }] }, token);
    expect(replaced.data!.recordEventResults.results).toEqual([{ placing: 1, award: null }]);
    const cleared = await gql(subgraph.url, RECORD, { eventId, results: [] }, token);
    expect(cleared.data!.recordEventResults.results).toEqual([]);
  });

  it('also records results of a competition', async () => {
    const { eventId, regs } = await eventWithParticipants('COMPETITION', 'COMPLETED', 1);
    const res = await gql(subgraph.url, RECORD, { eventId, results: [{ registration: regs[0].id, placing: 1 }] }, await editorToken());
    expect(res.errors).toBeUndefined();
  });

  it('shows the public placings without people, and each participant their own result', async () => {
    const { eventId, regs } = await eventWithParticipants('OLYMPIAD', 'COMPLETED');
    await gql(
      subgraph.url,
      RECORD,
      { eventId, results: [{ registration: regs[1].id, placing: 1 }, { registration: regs[0].id, placing: 2 }] },
      await editorToken(),
    );

    const anonymous = await gql(subgraph.url, RESULTS, { id: eventId });
    expect(anonymous.data!.event.results).toEqual([
      { placing: 1, award: null, registration: null },
      { placing: 2, award: null, registration: null },
    ]);
    const winner = await gql(subgraph.url, RESULTS, { id: eventId }, await personToken(regs[1].subject));
    expect(winner.data!.event.results).toEqual([
      { placing: 1, award: null, registration: { id: regs[1].id, school: STUDENT.school } },
      { placing: 2, award: null, registration: null },
    ]);
    const organiser = await gql(subgraph.url, RESULTS, { id: eventId }, await testToken({ roles: ['akimat_officer'], territory: '750000000' }));
    expect(organiser.data!.event.results.map((r: { registration: { id: string } }) => r.registration.id)).toEqual([regs[1].id, regs[0].id]);

    const mine = await gql(subgraph.url, `{ myRegistrations { nodes { id result { placing } } } }`, {}, await personToken(regs[0].subject));
    expect(mine.data!.myRegistrations.nodes).toEqual([{ id: regs[0].id, result: { placing: 2 } }]);
    const none = await gql(subgraph.url, `{ myRegistrations { nodes { result { placing } } } }`, {}, await personToken(regs[2].subject));
    expect(none.data!.myRegistrations.nodes).toEqual([{ result: null }]);
  });

  it('refuses results before completion (CONFLICT) and for kinds that do not rank (BAD_USER_INPUT)', async () => {
    const token = await editorToken();
    for (const status of ['REGISTRATION_OPEN', 'ONGOING']) {
      const { eventId, regs } = await eventWithParticipants('OLYMPIAD', status, 1);
      const res = await gql(subgraph.url, RECORD, { eventId, results: [{ registration: regs[0].id, placing: 1 }] }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'eventId', status });
    }
    const { eventId: cancelled, regs: cancelledRegs } = await eventWithParticipants('OLYMPIAD', 'REGISTRATION_OPEN', 1);
    await gql(subgraph.url, CHANGE, { id: cancelled, to: 'CANCELLED' }, token);
    const onCancelled = await gql(subgraph.url, RECORD, { eventId: cancelled, results: [{ registration: cancelledRegs[0].id, placing: 1 }] }, token);
    expect(onCancelled.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'CANCELLED' });

    for (const kind of ['EXCURSION', 'CONFERENCE', 'YOUNG_HISTORIANS_RALLY']) {
      const { eventId, regs } = await eventWithParticipants(kind, 'COMPLETED', 1);
      const res = await gql(subgraph.url, RECORD, { eventId, results: [{ registration: regs[0].id, placing: 1 }] }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'eventId', kind });
      expect((await gql(subgraph.url, RESULTS, { id: eventId })).data!.event.results).toEqual([]);
    }
  });

  it('accepts only confirmed registrations of the event, each once, naming the bad entry', async () => {
    const { eventId, regs } = await eventWithParticipants('OLYMPIAD', 'COMPLETED');
    const other = await eventWithParticipants('OLYMPIAD', 'COMPLETED', 1);
    const token = await editorToken();
    // regs[3] registered beyond capacity: still WAITING.
    expect(regs[3].status).toBe('WAITING');
    const cases: [string, unknown[]][] = [
      ['results.1.registration', [{ registration: regs[0].id, placing: 1 }, { registration: regs[3].id, placing: 2 }]],
      ['results.0.registration', [{ registration: other.regs[0].id, placing: 1 }]],
      ['results.1.registration', [{ registration: regs[0].id, placing: 1 }, { registration: regs[0].id, placing: 2 }]],
      ['results.0', [{ registration: regs[0].id }]],
      ['results.0', [{ registration: regs[0].id, award: '   ' }]],
      ['results.0.placing', [{ registration: regs[0].id, placing: 0 }]],
      ['results.0.registration', [{ registration: 'nope', placing: 1 }]],
    ];
    for (const [field, results] of cases) {
      const res = await gql(subgraph.url, RECORD, { eventId, results }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await gql(subgraph.url, RESULTS, { id: eventId })).data!.event.results).toEqual([]);
  });

  it('lets only the event\'s organisers record results', async () => {
    const { eventId, regs } = await eventWithParticipants('OLYMPIAD', 'COMPLETED', 1);
    const results = [{ registration: regs[0].id, placing: 1 }];
    expect((await gql(subgraph.url, RECORD, { eventId, results })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(subgraph.url, RECORD, { eventId, results }, await personToken(regs[0].subject))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const foreign = await gql(subgraph.url, RECORD, { eventId, results }, await testToken({ roles: ['akimat_officer'], territory: '610000000' }));
    expect(foreign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await gql(subgraph.url, RECORD, { eventId, results }, await testToken({ roles: ['akimat_officer'], territory: '751410000' }));
    expect(own.errors).toBeUndefined();
    const unknown = await gql(subgraph.url, RECORD, { eventId: '00000000-0000-7000-8000-000000000000', results }, await editorToken());
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'eventId' });
  });
});
