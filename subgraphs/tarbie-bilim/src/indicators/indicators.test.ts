import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

/**
 * Indicators on a small explicit data set in a fresh database (no demo data).
 *
 * Almaty city 750000000 with its districts Medeu 751710000 and Almaly 751110000;
 * Turkistan region 610000000 as the outsider. School year 2026 runs from
 * 2026-09-01 00:00 to 2027-09-01 00:00 Kazakhstan time (UTC+5).
 *
 * | event | kind / project              | territory | starts (UTC)       | status            | monuments | registrations (school)                      |
 * | E1    | EXCURSION / OLKETANU        | Medeu     | 2026-10-10         | COMPLETED         | A, B      | s1 (Medeu), s2 (Almaly), s3 (Turkistan), t1 teacher (Medeu) |
 * | E2    | EXCURSION / OTANYM_TAGDYRYM | Almaly    | 2026-08-31 20:00 = 1 Sep 01:00 local | REGISTRATION_OPEN | B, C | s1, s4 (Almaly) waiting (capacity 1) |
 * | E3    | OLYMPIAD / OLKETANU         | Almaty    | 2027-03-01         | REGISTRATION_OPEN | -         | s2, s5 (Medeu) cancelled                     |
 * | E4    | EXCURSION / OLKETANU        | Medeu     | 2027-04-01         | CANCELLED         | A         | s6 (Medeu)                                   |
 * | E5    | CONFERENCE / SANALY_AZAMAT  | Medeu     | 2026-08-31 18:00 = 31 Aug 23:00 local (2025) | REGISTRATION_OPEN | - | s7 (Medeu) |
 * | E6    | MASTER_CLASS / SANALY_AZAMAT| Turkistan | 2026-11-01         | REGISTRATION_OPEN | -         | s8 (Medeu)                                   |
 * | E7    | MUSEUM_LESSON / OLKETANU    | Almaly    | 2027-08-31 18:00 = 31 Aug 23:00 local (2026) | PLANNED | D | - |
 *
 * Clubs: C1 Medeu (2025: 10, 2026: 12), C2 Almaly (2026: 8), C3 Almaly (2025: 5), C4 Medeu (2026: 0), C5 Turkistan (2026: 20).
 * Enrolment 2026: Medeu 40, Almaly 60; later Almaty city itself 150.
 */
let subgraph: TestSubgraph;
const A = stableId('monument:test-A');
const B = stableId('monument:test-B');
const C = stableId('monument:test-C');
const D = stableId('monument:test-D');

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const personToken = (subject: string) => testToken({ roles: ['citizen'], subject });

async function ok<T = Record<string, any>>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await gql<T>(subgraph.url, query, variables, token ?? (await editorToken()));
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function event(input: Record<string, unknown>, path: string[]): Promise<string> {
  const { createEvent } = await ok<{ createEvent: { id: string } }>(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
    input: { title: { kk: 'Іс-шара' }, organiser: 'Білім бөлімі', capacity: 50, ...input },
  });
  for (const to of path) await ok(`mutation($id: ID!, $to: EventStatus!) { changeEventStatus(id: $id, to: $to) { id } }`, { id: createEvent.id, to });
  return createEvent.id;
}

const OPEN = ['REGISTRATION_OPEN'];
const school = (schoolTerritory: string) => ({ kind: 'STUDENT', grade: 8, school: 'Мектеп', schoolTerritory });
const MEDEU = '751710000';
const ALMALY = '751110000';
const TURKISTAN_CITY = '611010000';

async function register(eventId: string, subject: string, input: Record<string, unknown>): Promise<string> {
  const data = await ok<{ registerForEvent: { id: string } }>(
    `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id } }`,
    { eventId, input },
    await personToken(subject),
  );
  return data.registerForEvent.id;
}

async function club(territory: string, members: Record<number, number>): Promise<void> {
  const { createLocalHistoryClub } = await ok<{ createLocalHistoryClub: { id: string } }>(
    `mutation($input: CreateLocalHistoryClubInput!) { createLocalHistoryClub(input: $input) { id } }`,
    { input: { name: 'Өлкетану үйірмесі', school: 'Мектеп', territory, leader: 'Жетекші' } },
  );
  for (const [schoolYear, count] of Object.entries(members)) {
    await ok(`mutation($input: LocalHistoryClubMembersInput!) { setLocalHistoryClubMembers(input: $input) { id } }`, {
      input: { club: createLocalHistoryClub.id, schoolYear: Number(schoolYear), members: count },
    });
  }
}

async function enrol(territory: string, schoolYear: number, students: number): Promise<void> {
  await ok(`mutation($input: SchoolEnrolmentInput!) { setSchoolEnrolment(input: $input) { students } }`, { input: { territory, schoolYear, students } });
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);

  const e1 = await event({ kind: 'EXCURSION', baseProject: 'OLKETANU', territory: MEDEU, startsAt: '2026-10-10T04:00:00Z', endsAt: '2026-10-10T12:00:00Z', monumentsVisited: [A, B] }, OPEN);
  await register(e1, 's1', school(MEDEU));
  await register(e1, 's2', school(ALMALY));
  await register(e1, 's3', school(TURKISTAN_CITY));
  await register(e1, 't1', { kind: 'TEACHER', school: 'Мектеп', schoolTerritory: MEDEU });
  for (const to of ['ONGOING', 'COMPLETED']) await ok(`mutation($id: ID!, $to: EventStatus!) { changeEventStatus(id: $id, to: $to) { id } }`, { id: e1, to });

  const e2 = await event(
    { kind: 'EXCURSION', baseProject: 'OTANYM_TAGDYRYM', territory: ALMALY, startsAt: '2026-08-31T20:00:00Z', endsAt: '2026-09-01T06:00:00Z', capacity: 1, waitingList: true, monumentsVisited: [B, C] },
    OPEN,
  );
  await register(e2, 's1', school(MEDEU));
  await register(e2, 's4', school(ALMALY));

  const e3 = await event({ kind: 'OLYMPIAD', baseProject: 'OLKETANU', territory: '750000000', startsAt: '2027-03-01T04:00:00Z', endsAt: '2027-03-01T10:00:00Z' }, OPEN);
  await register(e3, 's2', school(ALMALY));
  const s5 = await register(e3, 's5', school(MEDEU));
  await ok(`mutation($id: ID!) { cancelEventRegistration(id: $id) { id } }`, { id: s5 }, await personToken('s5'));

  const e4 = await event({ kind: 'EXCURSION', baseProject: 'OLKETANU', territory: MEDEU, startsAt: '2027-04-01T04:00:00Z', endsAt: '2027-04-01T10:00:00Z', monumentsVisited: [A] }, OPEN);
  await register(e4, 's6', school(MEDEU));
  await ok(`mutation($id: ID!) { changeEventStatus(id: $id, to: CANCELLED) { id } }`, { id: e4 });

  const e5 = await event({ kind: 'CONFERENCE', baseProject: 'SANALY_AZAMAT', territory: MEDEU, startsAt: '2026-08-31T18:00:00Z', endsAt: '2026-08-31T18:30:00Z' }, OPEN);
  await register(e5, 's7', school(MEDEU));

  const e6 = await event({ kind: 'MASTER_CLASS', baseProject: 'SANALY_AZAMAT', territory: TURKISTAN_CITY, startsAt: '2026-11-01T04:00:00Z', endsAt: '2026-11-01T08:00:00Z' }, OPEN);
  await register(e6, 's8', school(MEDEU));

  await event({ kind: 'MUSEUM_LESSON', baseProject: 'OLKETANU', territory: ALMALY, startsAt: '2027-08-31T18:00:00Z', endsAt: '2027-08-31T18:45:00Z', monumentsVisited: [D] }, []);

  await club(MEDEU, { 2025: 10, 2026: 12 });
  await club(ALMALY, { 2026: 8 });
  await club(ALMALY, { 2025: 5 });
  await club(MEDEU, { 2026: 0 });
  await club(TURKISTAN_CITY, { 2026: 20 });

  await enrol(MEDEU, 2026, 40);
  await enrol(ALMALY, 2026, 60);
});
afterAll(() => subgraph?.close());

const INDICATORS = `query($t: ID!, $y: Int!) { tarbieBilimIndicators(territory: $t, schoolYear: $y) {
  territory { code } schoolYear schoolYearLabel periodStart periodEnd clubs clubMembers events
  eventsByKind { kind count } eventsByBaseProject { baseProject count }
  participants enrolledStudents participationShare excursionsToMonuments monumentsVisited
} }`;

async function indicators(territory: string, schoolYear = 2026) {
  return (await ok<{ tarbieBilimIndicators: Record<string, any> }>(INDICATORS, { t: territory, y: schoolYear })).tarbieBilimIndicators;
}

function nonZero(counts: { count: number }[], key: 'kind' | 'baseProject'): Record<string, number> {
  return Object.fromEntries(counts.filter((c) => c.count > 0).map((c) => [(c as unknown as Record<string, string>)[key], c.count]));
}

describe('Tarbie-Bilim indicators', () => {
  it('sums Almaty city with its districts for 2026-2027', async () => {
    const almaty = await indicators('750000000');
    expect(almaty).toMatchObject({
      territory: { code: '750000000' },
      schoolYear: 2026,
      schoolYearLabel: '2026-2027',
      periodStart: '2026-08-31T19:00:00.000Z',
      periodEnd: '2027-08-31T19:00:00.000Z',
      clubs: 2,
      clubMembers: 20,
      // E1, E2, E3, E7: E4 is cancelled, E5 belongs to 2025-2026, E6 is in Turkistan.
      events: 4,
      // s1, s2 and s8 (a Medeu student at a Turkistan event); not the teacher, the waiting s4, the cancelled s5, s6 of a cancelled event or s3 of Turkistan.
      participants: 3,
      enrolledStudents: 100,
      participationShare: 0.03,
      excursionsToMonuments: 2,
      monumentsVisited: 3,
    });
    expect(almaty.eventsByKind).toHaveLength(11);
    expect(nonZero(almaty.eventsByKind, 'kind')).toEqual({ EXCURSION: 2, OLYMPIAD: 1, MUSEUM_LESSON: 1 });
    expect(almaty.eventsByBaseProject).toEqual([
      { baseProject: 'OLKETANU', count: 3 },
      { baseProject: 'OTANYM_TAGDYRYM', count: 1 },
      { baseProject: 'SANALY_AZAMAT', count: 0 },
    ]);
  });

  it('counts each district on its own', async () => {
    expect(await indicators(MEDEU)).toMatchObject({
      clubs: 1,
      clubMembers: 12,
      events: 1,
      participants: 2,
      enrolledStudents: 40,
      participationShare: 0.05,
      excursionsToMonuments: 1,
      monumentsVisited: 2,
    });
    const almaly = await indicators(ALMALY);
    expect(almaly).toMatchObject({
      clubs: 1,
      clubMembers: 8,
      events: 2,
      participants: 1,
      enrolledStudents: 60,
      excursionsToMonuments: 1,
      monumentsVisited: 2,
    });
    expect(almaly.participationShare).toBeCloseTo(1 / 60, 12);
    expect(nonZero(almaly.eventsByKind, 'kind')).toEqual({ EXCURSION: 1, MUSEUM_LESSON: 1 });
  });

  it('counts Turkistan\'s own events and students, with no enrolment entered', async () => {
    const turkistan = await indicators('610000000');
    expect(turkistan).toMatchObject({
      clubs: 1,
      clubMembers: 20,
      events: 1,
      participants: 1,
      enrolledStudents: null,
      participationShare: null,
      excursionsToMonuments: 0,
      monumentsVisited: 0,
    });
    expect(nonZero(turkistan.eventsByBaseProject, 'baseProject')).toEqual({ SANALY_AZAMAT: 1 });
  });

  it('keeps the previous school year apart', async () => {
    const almaty = await indicators('750000000', 2025);
    expect(almaty).toMatchObject({ clubs: 2, clubMembers: 15, events: 1, participants: 1, enrolledStudents: null, excursionsToMonuments: 0 });
    expect(nonZero(almaty.eventsByKind, 'kind')).toEqual({ CONFERENCE: 1 });
    expect(await indicators('750000000', 2027)).toMatchObject({ clubs: 0, clubMembers: 0, events: 0, participants: 0, enrolledStudents: null });
  });

  it('prefers a territory\'s own enrolment number over the sum of its children', async () => {
    await enrol('750000000', 2026, 150);
    expect(await indicators('750000000')).toMatchObject({ enrolledStudents: 150, participationShare: 0.02 });
    expect(await indicators(MEDEU)).toMatchObject({ enrolledStudents: 40 });
    // Entering again replaces.
    await enrol('750000000', 2026, 300);
    expect(await indicators('750000000')).toMatchObject({ enrolledStudents: 300, participationShare: 0.01 });
    const entered = await ok<{ schoolEnrolment: { territory: { code: string }; students: number } }>(
      `{ schoolEnrolment(territory: "750000000", schoolYear: 2026) { territory { code } schoolYear students } }`,
      {},
    );
    expect(entered.schoolEnrolment).toMatchObject({ territory: { code: '750000000' }, students: 300 });
  });

  it('serves the same numbers on Territory entities', async () => {
    const direct = await indicators(MEDEU);
    const res = await gql(
      subgraph.url,
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Territory { code tarbieBilimIndicators(schoolYear: 2026) { clubs participants events } } } }`,
      { reps: [{ __typename: 'Territory', code: MEDEU }] },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities[0]).toEqual({ code: MEDEU, tarbieBilimIndicators: { clubs: direct.clubs, participants: direct.participants, events: direct.events } });
  });

  it('rejects an unknown territory or school year naming the argument', async () => {
    const badTerritory = await gql(subgraph.url, INDICATORS, { t: '999999999', y: 2026 });
    expect(badTerritory.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'territory' });
    const badYear = await gql(subgraph.url, INDICATORS, { t: '750000000', y: 1999 });
    expect(badYear.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'schoolYear' });
  });
});

describe('school enrolment', () => {
  const SET = `mutation($input: SchoolEnrolmentInput!) { setSchoolEnrolment(input: $input) { students } }`;

  it('is entered by officers within their territory and by editors only', async () => {
    const input = { territory: '751910000', schoolYear: 2026, students: 10 };
    expect((await gql(subgraph.url, SET, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await gql(subgraph.url, SET, { input }, await personToken('someone'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const outside = await gql(subgraph.url, SET, { input }, await testToken({ roles: ['akimat_officer'], territory: '610000000' }));
    expect(outside.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', territoryCode: '751910000' });
    const inside = await gql(subgraph.url, SET, { input }, await testToken({ roles: ['akimat_officer'], territory: '750000000' }));
    expect(inside.errors).toBeUndefined();
  });

  it('validates its input, naming the field', async () => {
    const token = await editorToken();
    const cases: [string, Record<string, unknown>][] = [
      ['input.territory', { territory: '999999999', schoolYear: 2026, students: 1 }],
      ['input.territory', { territory: '7500', schoolYear: 2026, students: 1 }],
      ['input.schoolYear', { territory: '750000000', schoolYear: 1990, students: 1 }],
      ['input.students', { territory: '750000000', schoolYear: 2026, students: -1 }],
    ];
    for (const [field, input] of cases) {
      const res = await gql(subgraph.url, SET, { input }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});
