import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const ASTANA = '710000000';

const SECRET_NAME = 'Айгерим Сапарова';
const SECRET_PHONE = '+7 701 555 12 34';
const SECRET_EMAIL = 'aigerim.volunteer@example.kz';

const volunteerToken = (subject: string) => testToken({ subject, roles: ['volunteer'] });
const verified = (subject = 'ngo-coordinator', roles = ['ngo']) => testToken({ subject, roles, eds: true });
const admin = () => testToken({ subject: 'admin-1', roles: ['admin'] });

const PUBLIC = `id helpKinds availableDays availableFrom availableTo hasCar createdAt territory { code } peopleHelped confirmedHelpCount positiveReviews negativeReviews isMe`;
const REGISTER = `mutation($input: VolunteerProfileInput!) { registerVolunteer(input: $input) { ${PUBLIC} } }`;
const REVEAL = `mutation($id: ID!, $reason: String!) { revealVolunteerContact(id: $id, reason: $reason) { volunteerId name phone email } }`;

const profile = (overrides: Record<string, unknown> = {}) => ({
  helpKinds: ['TRANSPORT', 'PHYSICAL_HELP'],
  availableDays: ['SAT', 'SUN'],
  availableFrom: '09:00',
  availableTo: '18:30',
  territory: MEDEU,
  hasCar: true,
  contact: { name: SECRET_NAME, phone: SECRET_PHONE, email: SECRET_EMAIL },
  ...overrides,
});

async function register(subject: string, overrides: Record<string, unknown> = {}): Promise<any> {
  const res = await gql(subgraph.url, REGISTER, { input: profile(overrides) }, await volunteerToken(subject));
  expect(res.errors).toBeUndefined();
  return res.data!.registerVolunteer;
}

const releases = async () => (await subgraph.db.query(`SELECT count(*)::int AS n FROM personal_data_release`))[0].n;

describe('volunteer profiles', () => {
  it('registers a volunteer once and lists them anonymously, filtered by territory, kind, car and day', async () => {
    const v = await register('volunteer-reg-1');
    expect(v).toMatchObject({
      helpKinds: ['TRANSPORT', 'PHYSICAL_HELP'],
      availableDays: ['SAT', 'SUN'],
      availableFrom: '09:00',
      availableTo: '18:30',
      hasCar: true,
      territory: { code: MEDEU },
      peopleHelped: 0,
      isMe: true,
    });
    const again = await gql(subgraph.url, REGISTER, { input: profile() }, await volunteerToken('volunteer-reg-1'));
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
    const walker = await register('volunteer-reg-2', { helpKinds: ['TEACHING'], hasCar: false, availableDays: ['MON'], territory: ASTANA });

    const ids = async (filter: Record<string, unknown>) => {
      const res = await gql(subgraph.url, `query($f: VolunteerFilter) { volunteers(filter: $f, first: 500) { nodes { ${PUBLIC} } } }`, { f: filter });
      expect(res.errors).toBeUndefined();
      expect(JSON.stringify(res)).not.toMatch(/Айгерим|701 555|example\.kz|volunteer-reg/);
      return res.data!.volunteers.nodes.map((n: any) => n.id);
    };
    expect(await ids({ territory: ALMATY })).toEqual([v.id]);
    expect(await ids({ helpKind: 'TEACHING' })).toEqual([walker.id]);
    expect(await ids({ hasCar: true })).toEqual([v.id]);
    expect(await ids({ availableOn: 'MON' })).toEqual([walker.id]);
  });

  it('validates the profile', async () => {
    const token = await volunteerToken('volunteer-invalid');
    const cases: [Record<string, unknown>, string][] = [
      [{ helpKinds: [] }, 'input.helpKinds'],
      [{ availableDays: [] }, 'input.availableDays'],
      [{ availableFrom: '9am' }, 'input.availableFrom'],
      [{ availableFrom: '18:00', availableTo: '09:00' }, 'input.availableTo'],
      [{ territory: '999999999' }, 'input.territory'],
      [{ contact: { name: 'А' } }, 'input.contact'],
      [{ contact: { name: 'А', phone: 'call me' } }, 'input.contact.phone'],
      [{ contact: { name: 'А', email: 'nope' } }, 'input.contact.email'],
    ];
    for (const [overrides, field] of cases) {
      const res = await gql(subgraph.url, REGISTER, { input: profile(overrides) }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    expect((await gql(subgraph.url, `{ myVolunteerProfile { id } }`, {}, token)).data!.myVolunteerProfile).toBeNull();
  });
});

describe('releasing contact details', () => {
  it('releases one volunteer\'s contacts to a verified identity with a reason, recording who, whose, when and why', async () => {
    const v = await register('volunteer-contact-1');
    const before = await releases();
    const res = await gql(subgraph.url, REVEAL, { id: v.id, reason: '  Нужен водитель для поездки в поликлинику  ' }, await verified());
    expect(res.errors).toBeUndefined();
    expect(res.data!.revealVolunteerContact).toEqual({ volunteerId: v.id, name: SECRET_NAME, phone: SECRET_PHONE, email: SECRET_EMAIL });
    expect(await releases()).toBe(before + 1);

    const trail = await gql(
      subgraph.url,
      `query($id: ID!) { personalDataReleases(filter: { recordKind: VOLUNTEER, recordId: $id }) { totalCount nodes { viewerSubject recordKind recordId reason releasedAt } } }`,
      { id: v.id },
      await admin(),
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data!.personalDataReleases).toMatchObject({
      totalCount: 1,
      nodes: [{ viewerSubject: 'ngo-coordinator', recordKind: 'VOLUNTEER', recordId: v.id, reason: 'Нужен водитель для поездки в поликлинику' }],
    });
  });

  it('refuses callers without a verified identity or a reason, and any second record in the same request', async () => {
    const a = await register('volunteer-contact-2');
    const b = await register('volunteer-contact-3');
    const before = await releases();
    const unverified = [await testToken({ subject: 'officer', roles: ['akimat_officer'], territory: ALMATY }), await admin(), await volunteerToken('volunteer-contact-2')];
    for (const token of unverified) {
      const res = await gql(subgraph.url, REVEAL, { id: a.id, reason: 'Проверка обращения' }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(res.data).toBeNull();
    }
    expect((await gql(subgraph.url, REVEAL, { id: a.id, reason: 'Проверка обращения' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const reason of ['', '   ', 'ok']) {
      expect((await gql(subgraph.url, REVEAL, { id: a.id, reason }, await verified())).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    }
    expect(await releases()).toBe(before);

    // Two records in one request: the first is released (and recorded), the second refused.
    const both = await gql(
      subgraph.url,
      `mutation($a: ID!, $b: ID!) {
        first: revealVolunteerContact(id: $a, reason: "Координация субботника") { volunteerId }
        second: revealVolunteerContact(id: $b, reason: "Координация субботника") { volunteerId }
      }`,
      { a: a.id, b: b.id },
      await verified(),
    );
    expect(both.errors).toHaveLength(1);
    expect(both.errors![0]).toMatchObject({ path: ['second'], extensions: { code: 'FORBIDDEN' } });
    expect(await releases()).toBe(before + 1);

    for (const id of ['019b7a00-0000-7000-8000-00000000dead', 'nope']) {
      expect((await gql(subgraph.url, REVEAL, { id, reason: 'Координация субботника' }, await verified())).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    }
    expect(await releases()).toBe(before + 1);
  });

  it('keeps the audit trail append-only in the database and readable by admins only', async () => {
    const v = await register('volunteer-contact-4');
    await gql(subgraph.url, REVEAL, { id: v.id, reason: 'Поиск водителя' }, await verified());
    for (const statement of [
      `UPDATE personal_data_release SET reason = 'changed'`,
      `DELETE FROM personal_data_release`,
      `TRUNCATE personal_data_release`,
    ]) {
      await expect(subgraph.db.query(statement)).rejects.toThrow(/append-only/);
    }
    expect(await releases()).toBeGreaterThan(0);
    for (const token of [await verified(), await testToken({ subject: 'po', roles: ['project_office'], territory: ALMATY })]) {
      expect((await gql(subgraph.url, `{ personalDataReleases { totalCount } }`, {}, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('people in need', () => {
  const PERSON = `mutation($input: RegisterPersonInNeedInput!) { registerPersonInNeed(input: $input) { id needs status territory { code } isMine } }`;

  it('are listed anonymously; contacts go to verified identities only, under audit', async () => {
    const registrar = await testToken({ subject: 'social-worker-1', roles: ['ngo'] });
    const res = await gql(
      subgraph.url,
      PERSON,
      { input: { territory: MEDEU, needs: ['PHYSICAL_HELP'], contact: { name: 'Бекзат Нурланов', phone: '+7 702 000 11 22', address: 'ул. Пушкина, 5, кв. 12' }, note: 'Нужна помощь с углём' } },
      registrar,
    );
    expect(res.errors).toBeUndefined();
    const person = res.data!.registerPersonInNeed;
    expect(person).toMatchObject({ needs: ['PHYSICAL_HELP'], status: 'OPEN', territory: { code: MEDEU }, isMine: true });

    const list = await gql(subgraph.url, `{ peopleInNeed(filter: { territory: "${ALMATY}", need: PHYSICAL_HELP }) { totalCount nodes { id needs status isMine } } }`);
    expect(list.data!.peopleInNeed.nodes.map((n: any) => n.id)).toContain(person.id);
    expect(JSON.stringify(list)).not.toMatch(/Бекзат|702 000|Пушкина|углём|social-worker/);

    const REVEAL_PERSON = `mutation($id: ID!, $reason: String!) { revealPersonInNeedContact(id: $id, reason: $reason) { personInNeedId name phone address note } }`;
    const before = await releases();
    expect((await gql(subgraph.url, REVEAL_PERSON, { id: person.id, reason: 'Доставка угля' }, registrar)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const shown = await gql(subgraph.url, REVEAL_PERSON, { id: person.id, reason: 'Доставка угля' }, await verified('volunteer-eds', ['volunteer']));
    expect(shown.data!.revealPersonInNeedContact).toEqual({
      personInNeedId: person.id,
      name: 'Бекзат Нурланов',
      phone: '+7 702 000 11 22',
      address: 'ул. Пушкина, 5, кв. 12',
      note: 'Нужна помощь с углём',
    });
    expect(await releases()).toBe(before + 1);
    const [row] = await subgraph.db.query(`SELECT viewer_subject, record_kind, reason FROM personal_data_release WHERE record_id = $1`, [person.id]);
    expect(row).toEqual({ viewer_subject: 'volunteer-eds', record_kind: 'PERSON_IN_NEED', reason: 'Доставка угля' });
  });

  it('are closed by the person, whoever registered them or an officer of the territory, once', async () => {
    const registrar = await testToken({ subject: 'social-worker-2', roles: ['ngo'] });
    const res = await gql(subgraph.url, PERSON, { input: { territory: MEDEU, needs: ['CONSULTING'], contact: { name: 'Н', address: 'Адрес' } } }, registrar);
    const { id } = res.data!.registerPersonInNeed;
    const CLOSE = `mutation($id: ID!) { closePersonInNeed(id: $id) { status } }`;
    expect((await gql(subgraph.url, CLOSE, { id }, await volunteerToken('stranger'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, CLOSE, { id }, await testToken({ subject: 'o', roles: ['akimat_officer'], territory: ASTANA }))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, CLOSE, { id }, await testToken({ subject: 'o', roles: ['akimat_officer'], territory: MEDEU }))).data!.closePersonInNeed.status).toBe('CLOSED');
    expect((await gql(subgraph.url, CLOSE, { id }, registrar)).errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'CLOSED', to: 'CLOSED' });
    // A stranger is refused before learning the state.
    expect((await gql(subgraph.url, CLOSE, { id }, await volunteerToken('stranger'))).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const noContact = await gql(subgraph.url, PERSON, { input: { territory: MEDEU, needs: ['CONSULTING'], contact: { name: 'Н' } } }, registrar);
    expect(noContact.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.contact' });
  });
});
