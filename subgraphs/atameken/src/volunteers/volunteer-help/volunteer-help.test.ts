import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { addDays, kzDay } from '../../shared/kz-time';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const ASTANA = '710000000';

const volunteerToken = (subject: string) => testToken({ subject, roles: ['volunteer'] });
const officer = (territory = ALMATY) => testToken({ subject: `officer-${territory}`, roles: ['akimat_officer'], territory });

const RECORD = `mutation($input: RecordVolunteerHelpInput!) { recordVolunteerHelp(input: $input) { id status peopleHelped helpedOn helpKind territory { code } volunteer { id } initiative { id } } }`;
const CONFIRM = `mutation($id: ID!) { confirmVolunteerHelp(id: $id) { id status decidedByRole decidedAt } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { rejectVolunteerHelp(id: $id, reason: $reason) { id status decidedByRole decisionNote } }`;
const REVIEW = `mutation($input: ReviewVolunteerInput!) { reviewVolunteer(input: $input) { id positive text isMine } }`;
const STATS = `query($id: ID!) { volunteer(id: $id) { peopleHelped confirmedHelpCount positiveReviews negativeReviews
  reviews { totalCount nodes { positive text isMine } } helpRecords(status: CONFIRMED) { totalCount } } }`;

async function register(subject: string): Promise<string> {
  const res = await gql(
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
    await volunteerToken(subject),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.registerVolunteer.id;
}

async function record(subject: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await gql(
    subgraph.url,
    RECORD,
    { input: { helpedOn: kzDay(), peopleHelped: 3, helpKind: 'PHYSICAL_HELP', territory: MEDEU, ...overrides } },
    await volunteerToken(subject),
  );
  expect(res.errors).toBeUndefined();
  return res.data!.recordVolunteerHelp;
}

describe('help records', () => {
  it('are recorded PENDING by a registered volunteer and count once an officer of the territory confirms them', async () => {
    const id = await register('helper-1');
    const first = await record('helper-1', { peopleHelped: 4 });
    expect(first).toMatchObject({ status: 'PENDING', peopleHelped: 4, territory: { code: MEDEU }, volunteer: { id } });
    const second = await record('helper-1', { peopleHelped: 2 });
    expect((await gql(subgraph.url, STATS, { id })).data!.volunteer).toMatchObject({ peopleHelped: 0, confirmedHelpCount: 0 });

    const confirmed = await gql(subgraph.url, CONFIRM, { id: first.id }, await officer(MEDEU));
    expect(confirmed.data!.confirmVolunteerHelp).toMatchObject({ status: 'CONFIRMED', decidedByRole: 'AKIMAT_OFFICER' });
    const rejected = await gql(subgraph.url, REJECT, { id: second.id, reason: '  В этот день субботник не проводился.  ' }, await officer(ALMATY));
    expect(rejected.data!.rejectVolunteerHelp).toMatchObject({ status: 'REJECTED', decisionNote: 'В этот день субботник не проводился.' });
    expect((await gql(subgraph.url, STATS, { id })).data!.volunteer).toMatchObject({ peopleHelped: 4, confirmedHelpCount: 1, helpRecords: { totalCount: 1 } });
  });

  it.each([
    ['CONFIRMED', 'CONFIRMED'],
    ['CONFIRMED', 'REJECTED'],
    ['REJECTED', 'CONFIRMED'],
    ['REJECTED', 'REJECTED'],
  ])('refuses %s -> %s with INVALID_TRANSITION', async (from, to) => {
    await register(`helper-${from}-${to}`);
    const { id } = await record(`helper-${from}-${to}`);
    const token = await officer(MEDEU);
    await gql(subgraph.url, from === 'CONFIRMED' ? CONFIRM : REJECT, { id, reason: 'Не подтверждено.' }, token);
    const res = await gql(subgraph.url, to === 'CONFIRMED' ? CONFIRM : REJECT, { id, reason: 'Повторно.' }, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
  });

  it('is confirmed by the helped person registered on the map with their own account', async () => {
    await register('helper-2');
    const helped = await testToken({ subject: 'grandmother-account', roles: ['citizen'] });
    const person = await gql(
      subgraph.url,
      `mutation { registerPersonInNeed(input: { territory: "${MEDEU}", needs: [PHYSICAL_HELP], contact: { name: "Бабушка", phone: "+7 700 000 00 00" }, self: true }) { id } }`,
      {},
      helped,
    );
    const personId = person.data!.registerPersonInNeed.id;
    const { id } = await record('helper-2', { personInNeed: personId, peopleHelped: 1 });
    const res = await gql(subgraph.url, CONFIRM, { id }, helped);
    expect(res.data!.confirmVolunteerHelp).toMatchObject({ status: 'CONFIRMED', decidedByRole: 'HELPED_PERSON' });
    // Someone else helped by another volunteer cannot confirm this one.
    const { id: other } = await record('helper-2', { peopleHelped: 1 });
    expect((await gql(subgraph.url, CONFIRM, { id: other }, helped)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses the volunteer themselves, officers elsewhere and other citizens, changing nothing', async () => {
    await register('helper-3');
    const { id } = await record('helper-3');
    for (const token of [await volunteerToken('helper-3'), await officer(ASTANA), await testToken({ subject: 'neighbour', roles: ['citizen'] })]) {
      expect((await gql(subgraph.url, CONFIRM, { id }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    // Even an officer of the territory who is the volunteer does not confirm their own help.
    const both = await testToken({ subject: 'helper-3', roles: ['volunteer', 'akimat_officer'], territory: MEDEU });
    expect((await gql(subgraph.url, CONFIRM, { id }, both)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, REJECT, { id, reason: '  ' }, await officer(MEDEU))).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    const [{ status }] = await subgraph.db.query(`SELECT status FROM volunteer_help_record WHERE id = $1`, [id]);
    expect(status).toBe('PENDING');
  });

  it('shows why a record was rejected only to the volunteer, whoever decided, admins and officers of the territory', async () => {
    const volunteerId = await register('helper-note');
    const { id } = await record('helper-note');
    const decider = await testToken({ subject: 'helped-neighbour', roles: ['citizen'] });
    const person = await gql(
      subgraph.url,
      `mutation { registerPersonInNeed(input: { territory: "${MEDEU}", needs: [OTHER], contact: { name: "Сосед", phone: "+7 700 000 00 01" }, self: true }) { id } }`,
      {},
      decider,
    );
    const { id: helpedId } = await record('helper-note', { personInNeed: person.data!.registerPersonInNeed.id });
    const note = 'Қызмет көрсетілген жоқ, мен үйде болмадым.';
    expect((await gql(subgraph.url, REJECT, { id, reason: note }, await officer(MEDEU))).data!.rejectVolunteerHelp.decisionNote).toBe(note);
    expect((await gql(subgraph.url, REJECT, { id: helpedId, reason: note }, decider)).data!.rejectVolunteerHelp).toMatchObject({
      decidedByRole: 'HELPED_PERSON',
      decisionNote: note,
    });

    const NOTES = `query($id: ID!) { volunteer(id: $id) { helpRecords(status: REJECTED) { nodes { id decisionNote } } } }`;
    const LIST = `query($id: ID!) { volunteerHelpRecords(filter: { volunteer: $id }) { nodes { id decisionNote } } }`;
    const notes = async (token?: string) => {
      const [a, b] = await Promise.all([gql(subgraph.url, NOTES, { id: volunteerId }, token), gql(subgraph.url, LIST, { id: volunteerId }, token)]);
      expect(a.errors ?? b.errors).toBeUndefined();
      const byId = (nodes: any[]) => Object.fromEntries(nodes.filter((n) => n.id === id || n.id === helpedId).map((n) => [n.id === id ? 'officer' : 'helped', n.decisionNote]));
      expect(byId(a.data!.volunteer.helpRecords.nodes)).toEqual(byId(b.data!.volunteerHelpRecords.nodes));
      return byId(a.data!.volunteer.helpRecords.nodes);
    };
    const both = { officer: note, helped: note };
    const none = { officer: null, helped: null };
    expect(await notes()).toEqual(none);
    expect(await notes(await testToken({ subject: 'neighbour-2', roles: ['citizen'] }))).toEqual(none);
    expect(await notes(await officer(ASTANA))).toEqual(none);
    expect(await notes(await testToken({ subject: 'po', roles: ['project_office'], territory: ALMATY }))).toEqual(none);
    expect(await notes(await volunteerToken('helper-note'))).toEqual(both);
    expect(await notes(await officer(ALMATY))).toEqual(both);
    expect(await notes(await testToken({ subject: 'admin-1', roles: ['admin'] }))).toEqual(both);
    expect(await notes(decider)).toEqual({ officer: null, helped: note });
  });

  it('refuses a caller who may not decide before looking at the reason or the state', async () => {
    await register('helper-6');
    const { id } = await record('helper-6');
    const stranger = await testToken({ subject: 'stranger-6', roles: ['citizen'] });
    expect((await gql(subgraph.url, REJECT, { id, reason: '  ' }, stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await gql(subgraph.url, CONFIRM, { id }, await officer(MEDEU));
    expect((await gql(subgraph.url, CONFIRM, { id }, stranger)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, REJECT, { id, reason: 'Не было' }, await officer(ASTANA))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // Someone without a profile is refused whatever the service would check (a day in advance, an unknown initiative).
    const missing = '019b7a00-0000-7000-8000-00000000dead';
    const bad = await gql(subgraph.url, RECORD, { input: { helpedOn: addDays(kzDay(), 5), peopleHelped: 1, helpKind: 'OTHER', territory: MEDEU, initiative: missing } }, stranger);
    expect(bad.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // A code outside the classifier is malformed input, refused with the input's shape before anyone is asked, as for every subgraph.
    const unknown = await gql(subgraph.url, RECORD, { input: { helpedOn: kzDay(), peopleHelped: 1, helpKind: 'OTHER', territory: '999999999' } }, stranger);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory' });
  });

  it('validates what is recorded', async () => {
    await register('helper-4');
    const token = await volunteerToken('helper-4');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ helpedOn: addDays(kzDay(), 1) }, 'BAD_USER_INPUT', 'input.helpedOn'],
      [{ helpedOn: addDays(kzDay(), -400) }, 'BAD_USER_INPUT', 'input.helpedOn'],
      [{ helpedOn: '2026-02-30' }, 'BAD_USER_INPUT', 'input.helpedOn'],
      [{ peopleHelped: 0 }, 'BAD_USER_INPUT', 'input.peopleHelped'],
      [{ territory: '999999999' }, 'BAD_USER_INPUT', 'input.territory'],
      [{ initiative: '019b7a00-0000-7000-8000-00000000dead' }, 'NOT_FOUND', 'input.initiative'],
      [{ personInNeed: '019b7a00-0000-7000-8000-00000000dead' }, 'NOT_FOUND', 'input.personInNeed'],
    ];
    for (const [overrides, code, field] of cases) {
      const res = await gql(subgraph.url, RECORD, { input: { helpedOn: kzDay(), peopleHelped: 1, helpKind: 'OTHER', territory: MEDEU, ...overrides } }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code, field });
    }
    const notVolunteer = await gql(subgraph.url, RECORD, { input: { helpedOn: kzDay(), peopleHelped: 1, helpKind: 'OTHER', territory: MEDEU } }, await volunteerToken('not-registered'));
    expect(notVolunteer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('links help to an initiative, but not to a rejected one', async () => {
    await register('helper-5');
    const author = await testToken({ subject: 'author-5', roles: ['citizen'] });
    const propose = async () =>
      (await gql(subgraph.url, `mutation { proposeInitiative(input: { kind: SOCIAL, direction: CULTURE, category: A, title: { ru: "Концерт" }, territory: "${MEDEU}", estimate: 0 }) { id } }`, {}, author)).data!
        .proposeInitiative.id;
    const open = await propose();
    expect((await record('helper-5', { initiative: open })).initiative).toEqual({ id: open });
    const rejected = await propose();
    await gql(subgraph.url, `mutation($id: ID!) { changeInitiativeStatus(id: $id, to: REJECTED, reason: "Нет места") { id } }`, { id: rejected }, await officer(MEDEU));
    const res = await gql(subgraph.url, RECORD, { input: { helpedOn: kzDay(), peopleHelped: 1, helpKind: 'OTHER', territory: MEDEU, initiative: rejected } }, await volunteerToken('helper-5'));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.initiative', status: 'REJECTED' });
  });
});

describe('reviews', () => {
  it('are written once per person, never by the volunteer, and counted as positive or negative', async () => {
    const id = await register('reviewed-1');
    const fan = await testToken({ subject: 'fan-subject-88', roles: ['citizen'] });
    const ok = await gql(subgraph.url, REVIEW, { input: { volunteer: id, positive: true, text: '  Помог донести продукты.  ' } }, fan);
    expect(ok.data!.reviewVolunteer).toMatchObject({ positive: true, text: 'Помог донести продукты.', isMine: true });
    expect((await gql(subgraph.url, REVIEW, { input: { volunteer: id, positive: false, text: 'Передумал' } }, fan)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.volunteer',
    });
    await gql(subgraph.url, REVIEW, { input: { volunteer: id, positive: false, text: 'Опоздал на час.' } }, await testToken({ subject: 'critic', roles: ['citizen'] }));
    expect((await gql(subgraph.url, REVIEW, { input: { volunteer: id, positive: true, text: 'Я молодец' } }, await volunteerToken('reviewed-1'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, REVIEW, { input: { volunteer: id, positive: true, text: '   ' } }, await testToken({ subject: 'x', roles: ['citizen'] }))).errors?.[0].extensions).toMatchObject({
      field: 'input.text',
    });
    expect((await gql(subgraph.url, REVIEW, { input: { volunteer: 'nope', positive: true, text: 'x' } }, fan)).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.volunteer' });

    const stats = await gql(subgraph.url, STATS, { id });
    expect(stats.data!.volunteer).toMatchObject({ positiveReviews: 1, negativeReviews: 1, reviews: { totalCount: 2 } });
    expect(JSON.stringify(stats)).not.toMatch(/fan-subject-88|critic/);
  });
});
