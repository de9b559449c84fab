import { addKzWorkingDays, todayInKazakhstan } from '@rz/schema';
import { gql, startTestSystem, type TestSystem, testToken } from '@rz/test-support';
import { evidenceId, fileComplaint } from '../live-complaints/complaints.support';

/** Issue 21, "Everyday use": what officers, citizens and frontend developers meet first, through the gateway. */
describe('everyday use through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  }, 180_000);
  afterAll(() => system?.close());

  it('gives a complaint a due date in working days that skip public holidays', async () => {
    const admin = await testToken({ roles: ['admin'], subject: 'everyday-admin' });
    const author = await testToken({ roles: ['citizen'], subject: 'everyday-holidays' });
    // 90 working days always span a weekday off (the longest gap between holidays is under three months).
    const set = `mutation($days: Int) { setComplaintTopicDeadline(topic: OTHER, workingDays: $days) { workingDays } }`;
    expect((await gql(system.gatewayUrl, set, { days: 90 }, admin)).errors).toBeUndefined();
    try {
      const before = todayInKazakhstan();
      const id = await fileComplaint(system.gatewayUrl, author, { topic: 'OTHER', territory: '751710000', text: 'Сломана скамейка у остановки, holiday check' });
      const after = todayInKazakhstan();
      const res = await gql(system.gatewayUrl, `query($id: ID!) { complaint(id: $id) { dueOn } }`, { id }, author);
      expect(res.errors).toBeUndefined();
      const dueOn: string = res.data!.complaint.dueOn;
      expect([addKzWorkingDays(before, 90), addKzWorkingDays(after, 90)]).toContain(dueOn);
      // Monday-to-Friday counting alone would give an earlier day.
      expect([weekdaysAfter(before, 90), weekdaysAfter(after, 90)]).not.toContain(dueOn);
    } finally {
      await gql(system.gatewayUrl, set, { days: null }, admin);
    }
  });

  it('sends a foreign visitor scanning a QR code to the English page', async () => {
    // Demo codes are issued, not yet installed: only those who place them see them.
    const admin = await testToken({ roles: ['admin'], subject: 'everyday-admin' });
    const res = await gql(system.gatewayUrl, `{ monuments(first: 100) { nodes { qrCodes { code } } } }`, {}, admin);
    expect(res.errors).toBeUndefined();
    const code = res.data!.monuments.nodes.flatMap((m: any) => m.qrCodes)[0].code;
    // The QR link is served by rukhani-qazyna at its public address, not through /graphql.
    const scan = async (acceptLanguage?: string) => {
      const response = await fetch(`http://127.0.0.1:${system.subgraphPorts['rukhani-qazyna']}/q/${code}`, {
        redirect: 'manual',
        headers: { 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64)', ...(acceptLanguage ? { 'accept-language': acceptLanguage } : {}) },
      });
      expect(response.status).toBe(302);
      return new URL(response.headers.get('location')!).pathname.split('/')[1];
    };
    expect(await scan('de-DE,de;q=0.9')).toBe('en');
    expect(await scan('fr-FR,de;q=0.5')).toBe('en');
    expect(await scan('ru-RU,ru;q=0.9,de;q=0.8')).toBe('ru');
    expect(await scan('kk-KZ')).toBe('kk');
    expect(await scan()).toBe('kk');
  });

  it('refuses a city code for a media plan naming the code to use instead', async () => {
    const officer = await testToken({ roles: ['akimat_officer'], territory: '610000000', subject: 'everyday-media' });
    const res = await gql(
      system.gatewayUrl,
      `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
      { input: { territory: '611010000', year: 2031, submissionDeadline: '2031-01-31' } },
      officer,
    );
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territory', territoryCode: '611010000', acceptedCode: '611000000' });
    expect(res.errors![0].message).toContain('use 611000000');
  });

  it('shows an event registrant\'s name to the organiser only', async () => {
    const organiser = await testToken({ roles: ['akimat_officer'], territory: '751710000', subject: 'everyday-organiser' });
    const participant = await testToken({ roles: ['citizen'], subject: 'everyday-participant' });
    const created = await gql(
      system.gatewayUrl,
      `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
      {
        input: {
          kind: 'EXCURSION',
          baseProject: 'OLKETANU',
          title: { kk: 'Медеуге экскурсия' },
          startsAt: '2031-05-10T04:00:00.000Z',
          endsAt: '2031-05-10T12:00:00.000Z',
          territory: '751710000',
          capacity: 10,
          organiser: 'Медеу ауданының білім бөлімі',
        },
      },
      organiser,
    );
    expect(created.errors).toBeUndefined();
    const eventId = created.data!.createEvent.id;
    const opened = await gql(system.gatewayUrl, `mutation($id: ID!) { changeEventStatus(id: $id, to: REGISTRATION_OPEN) { status } }`, { id: eventId }, organiser);
    expect(opened.errors).toBeUndefined();
    const registered = await gql(
      system.gatewayUrl,
      `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id participantName } }`,
      { eventId, input: { kind: 'STUDENT', grade: 9, school: '№ 12 гимназия', schoolTerritory: '751710000', participantName: 'Нұрсұлтан Әбілов' } },
      participant,
    );
    expect(registered.errors).toBeUndefined();
    expect(registered.data!.registerForEvent.participantName).toBeNull();
    const list = `query($eventId: ID!) { eventRegistrations(eventId: $eventId, first: 10) { nodes { participantName school } } }`;
    const forOrganiser = await gql(system.gatewayUrl, list, { eventId }, organiser);
    expect(forOrganiser.errors).toBeUndefined();
    expect(forOrganiser.data!.eventRegistrations.nodes).toEqual([{ participantName: 'Нұрсұлтан Әбілов', school: '№ 12 гимназия' }]);
    const mine = await gql(system.gatewayUrl, `{ myRegistrations(first: 10) { nodes { participantName } } }`, {}, participant);
    expect(mine.data!.myRegistrations.nodes).toEqual([{ participantName: null }]);
    expect((await gql(system.gatewayUrl, list, { eventId })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('finds "Ясауи" when a visitor types "ясави", most relevant first', async () => {
    const res = await gql(system.gatewayUrl, `{ monuments(first: 5, filter: { search: "ясави" }) { totalCount nodes { name(lang: RU) } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.monuments.nodes[0].name).toBe('Мавзолей Ходжи Ахмеда Ясауи');
    const unrelated = await gql(system.gatewayUrl, `{ monuments(first: 5, filter: { search: "ясави тамгалы" }) { totalCount } }`);
    expect(unrelated.data!.monuments.totalCount).toBe(0);
  });

  it('answers an unknown territory with one error, not one per subgraph', async () => {
    const res = await gql(system.gatewayUrl, `{
      territory(code: "999999999") {
        code
        monuments(first: 1) { totalCount }
        events(first: 1) { totalCount }
        initiatives(first: 1) { totalCount }
        mediaPlans(first: 1) { totalCount }
      }
    }`);
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0]).toMatchObject({ path: ['territory'], extensions: { code: 'BAD_USER_INPUT', territoryCode: '999999999' } });
    // Errors that differ are all kept: two missing required arguments are two errors.
    const two = await gql(system.gatewayUrl, `{ a: territory { code } b: monument { id } }`);
    expect(two.errors).toHaveLength(2);
  });

  it('takes the default language of every lang argument from x-lang or Accept-Language', async () => {
    const ask = async (headers: Record<string, string>, field = 'name') => {
      const body = await postWithHeaders(system.gatewayUrl, `{ monuments(first: 1, filter: { search: "ясауи" }) { nodes { ${field} } } }`, {}, headers);
      expect(body.errors).toBeUndefined();
      return body.data.monuments.nodes[0].name;
    };
    expect(await ask({})).toBe(await ask({}, 'name: name(lang: KK)'));
    expect(await ask({ 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8' })).toBe('Мавзолей Ходжи Ахмеда Ясауи');
    expect(await ask({ 'accept-language': 'de-DE' })).toBe('Mausoleum of Khoja Ahmed Yasawi');
    expect(await ask({ 'x-lang': 'en', 'accept-language': 'ru' })).toBe('Mausoleum of Khoja Ahmed Yasawi');
    // An explicit argument wins over the headers.
    expect(await ask({ 'x-lang': 'en' }, 'name: name(lang: RU)')).toBe('Мавзолей Ходжи Ахмеда Ясауи');
  });

  it('gives domain error messages in the request\'s language, naming it', async () => {
    const officer = await testToken({ roles: ['akimat_officer'], territory: '610000000', subject: 'everyday-media' });
    const refuse = async (headers: Record<string, string>) => {
      const body = await postWithHeaders(
        system.gatewayUrl,
        `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
        { input: { territory: '611010000', year: 2031, submissionDeadline: '2031-01-31' } },
        { authorization: `Bearer ${officer}`, ...headers },
      );
      return body.errors![0];
    };
    const ru = await refuse({ 'accept-language': 'ru-RU,ru;q=0.9' });
    expect(ru.message).toBe('Код 611010000 здесь не принимается: используйте 611000000');
    expect(ru.extensions).toMatchObject({ code: 'BAD_USER_INPUT', acceptedCode: '611000000', lang: 'ru' });
    expect(ru.extensions.messageEn).toContain('use 611000000');
    const kk = await refuse({ 'x-lang': 'kk' });
    expect(kk.message).toBe('611010000 коды мұнда қабылданбайды: оның орнына 611000000 кодын қолданыңыз');
    const en = await refuse({ 'x-lang': 'en' });
    expect(en.message).toContain('use 611000000');
    expect(en.extensions.lang).toBeUndefined();
  });

  it('gives an officer the media plans awaiting them, earliest deadline first', async () => {
    const officer = await testToken({ roles: ['akimat_officer'], territory: '610000000', subject: 'everyday-plans' });
    for (const [year, deadline] of [[2045, '2045-02-01'], [2046, '2044-11-15']] as const) {
      const created = await gql(
        system.gatewayUrl,
        `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
        { input: { territory: '611000000', year, submissionDeadline: deadline } },
        officer,
      );
      expect(created.errors).toBeUndefined();
    }
    const res = await gql(
      system.gatewayUrl,
      `{ mediaPlans(first: 50, orderBy: DUE_FIRST, filter: { awaitingMe: true, statuses: [DRAFT, RETURNED], deadlineFrom: "2044-01-01" }) { nodes { submissionDeadline status territory { code } } } }`,
      {},
      officer,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.mediaPlans.nodes).toEqual([
      { submissionDeadline: '2044-11-15', status: 'DRAFT', territory: { code: '611000000' } },
      { submissionDeadline: '2045-02-01', status: 'DRAFT', territory: { code: '611000000' } },
    ]);
  });

  it('gives an officer their complaint work list: due first, by status set and days filed, assigned to them', async () => {
    const officer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'everyday-officer' });
    const author = await testToken({ roles: ['citizen'], subject: 'everyday-work-list' });
    // Taken before filing: the complaint is filed on this day or later.
    const today = todayInKazakhstan();
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751710000', text: 'Не вывозят мусор со двора уже две недели, work list' });
    const taken = await gql(system.gatewayUrl, `mutation($id: ID!) { changeComplaintStatus(id: $id, to: ACCEPTED) { status } }`, { id }, officer);
    expect(taken.errors).toBeUndefined();
    const res = await gql(
      system.gatewayUrl,
      `{ complaints(first: 100, orderBy: DUE_FIRST, filter: { territory: "750000000", statuses: [SUBMITTED, ACCEPTED, IN_PROGRESS] }) { totalCount nodes { id status dueOn } } }`,
      {},
      officer,
    );
    expect(res.errors).toBeUndefined();
    const dueDays = res.data!.complaints.nodes.map((c: any) => c.dueOn);
    expect(dueDays.length).toBeGreaterThan(1);
    expect([...dueDays].sort()).toEqual(dueDays);
    expect(res.data!.complaints.nodes.every((c: any) => ['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS'].includes(c.status))).toBe(true);
    const mine = await gql(system.gatewayUrl, `query($today: String) { complaints(first: 10, filter: { assignedToMe: true, filedFrom: $today }) { nodes { id } } }`, { today }, officer);
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.complaints.nodes).toEqual([{ id }]);
  });

  it('gives republic-wide complaint indicators, the sum of the regions', async () => {
    const res = await gql(
      system.gatewayUrl,
      `query($from: String!, $to: String!) { complaintIndicators(from: $from, to: $to) { filed open overdue } regions { complaintIndicators(from: $from, to: $to) { filed open overdue } } }`,
      { from: '2024-01-01', to: todayInKazakhstan() },
    );
    expect(res.errors).toBeUndefined();
    const sum = (key: string) => res.data!.regions.reduce((total: number, r: any) => total + r.complaintIndicators[key], 0);
    expect(res.data!.complaintIndicators).toEqual({ filed: sum('filed'), open: sum('open'), overdue: sum('overdue') });
    expect(res.data!.complaintIndicators.filed).toBeGreaterThan(0);
  });

  it('lets the author add evidence while the complaint is open', async () => {
    const author = await testToken({ roles: ['citizen'], subject: 'everyday-evidence' });
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751710000', text: 'Сломаны качели на детской площадке, evidence' });
    const res = await gql(
      system.gatewayUrl,
      `mutation($id: ID!, $evidence: [ID!]!) { addComplaintEvidence(id: $id, evidence: $evidence) { evidenceCount evidence { kind url } } }`,
      { id, evidence: [evidenceId('everyday-evidence-2')] },
      author,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.addComplaintEvidence.evidenceCount).toBe(2);
    expect(res.data!.addComplaintEvidence.evidence.map((e: any) => e.kind)).toEqual(['PHOTO', 'PHOTO']);
    const stranger = await gql(
      system.gatewayUrl,
      `mutation($id: ID!, $evidence: [ID!]!) { addComplaintEvidence(id: $id, evidence: $evidence) { id } }`,
      { id, evidence: [evidenceId('everyday-evidence-3')] },
      await testToken({ roles: ['citizen'], subject: 'everyday-stranger' }),
    );
    expect(stranger.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('shows staff which official acted on a complaint, and the public only the role', async () => {
    // A demo official: the seed registers one per staffed akimat, with a display name.
    const demoOfficer = await testToken({ roles: ['akimat_officer'], territory: '750000000', subject: 'demo-akimat-750000000' });
    const author = await testToken({ roles: ['citizen'], subject: 'everyday-history' });
    const id = await fileComplaint(system.gatewayUrl, author, { territory: '751710000', text: 'Не работает лифт в доме уже неделю, history' });
    expect((await gql(system.gatewayUrl, `mutation($id: ID!) { changeComplaintStatus(id: $id, to: ACCEPTED) { status } }`, { id }, demoOfficer)).errors).toBeUndefined();
    const read = (token?: string) => gql(system.gatewayUrl, `query($id: ID!) { complaint(id: $id) { history { byRole officerName } } }`, { id }, token);
    const staff = await read(demoOfficer);
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.complaint.history[1]).toEqual({ byRole: 'AKIMAT_OFFICER', officerName: 'Специалист акимата: г.Алматы' });
    for (const token of [undefined, author]) {
      expect((await read(token)).data!.complaint.history.map((h: any) => h.officerName)).toEqual([null, null]);
    }
  });
});

/** A GraphQL POST with extra headers (language, authorization), as a browser would send it. */
async function postWithHeaders(url: string, query: string, variables: Record<string, unknown>, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query, variables }) });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions: Record<string, any> }[] };
}

function weekdaysAfter(day: string, count: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  for (let left = count; left > 0; ) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}
