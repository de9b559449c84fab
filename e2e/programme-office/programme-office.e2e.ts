import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { signEvidenceId, todayInKazakhstan } from '@rz/schema';
import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSystem, type TestSystem, testEnv, testToken } from '@rz/test-support';

const ALMATY = '750000000';
const ALMALY_DISTRICT = '751110000';

/** The second or fourth Friday on or after `day`: days 8-14 or 22-28 of a month that fall on a Friday. */
function nextReportingFriday(day: string): string {
  for (let t = Date.parse(`${day}T00:00:00Z`); ; t += 86_400_000) {
    const d = new Date(t);
    const date = d.getUTCDate();
    if (d.getUTCDay() === 5 && ((date >= 8 && date <= 14) || (date >= 22 && date <= 28))) return d.toISOString().slice(0, 10);
  }
}

/** The programme office through the gateway: the project register over the other subgraphs' entities. */
describe('programme office through the gateway', () => {
  let system: TestSystem;
  let office: string;
  let officer: string;
  beforeAll(async () => {
    system = await startTestSystem();
    office = await testToken({ subject: 'po-almaty', roles: ['project_office'], territory: ALMATY });
    officer = await testToken({ subject: 'akimat-almaly', roles: ['akimat_officer'], territory: ALMALY_DISTRICT });
  }, 180_000);
  afterAll(() => system?.close());

  const ask = (query: string, variables: Record<string, unknown> = {}, token?: string) => gql(system.gatewayUrl, query, variables, token);

  it('resolves the demo projects\' links with the other subgraphs\' demo records', async () => {
    const res = await ask(
      `query($id: ID!) { project(id: $id) { title events { id title(lang: KK) } monuments { id name(lang: EN) } mediaPlans { id status } progress { byKind { kind linked } } } }`,
      { id: stableId('project:almaty-olketanu-2026') },
    );
    expect(res.errors).toBeUndefined();
    const project = res.data!.project;
    expect(project.events).toHaveLength(1);
    expect(project.events[0].title).toEqual(expect.any(String));
    expect(project.monuments.map((m: { name: string }) => m.name)).toContain('Building of the Academy of Sciences');
    expect(project.mediaPlans).toEqual([{ id: stableId('media-plan:almaty-2026-q4'), status: 'APPROVED' }]);
    expect(project.progress.byKind).toEqual([
      { kind: 'EVENT', linked: 1 },
      { kind: 'MONUMENT', linked: 2 },
      { kind: 'MEDIA_PLAN', linked: 1 },
    ]);
  });

  it('links a project to demo events and initiatives, shows it on them, and derives its progress from their statuses', async () => {
    const found = await ask(`{
      events(first: 50) { nodes { id status } }
      initiatives(first: 50) { nodes { id status } }
    }`);
    expect(found.errors).toBeUndefined();
    // Some done and some not, so the share is neither 0 nor 1.
    const mix = (nodes: { id: string; status: string }[], done: string) => [
      ...nodes.filter((n) => n.status === done).slice(0, 2),
      ...nodes.filter((n) => n.status !== done).slice(0, 2),
    ];
    const events = mix(found.data!.events.nodes, 'COMPLETED');
    const initiatives = mix(found.data!.initiatives.nodes, 'IMPLEMENTED');

    const created = await ask(
      `mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }`,
      {
        input: {
          subprogramme: 'ATAMEKEN',
          baseProject: 'Atameken',
          title: 'Алматы: азаматтық бастамалар мен іс-шаралар',
          territory: ALMATY,
          startsOn: '2026-01-01',
          endsOn: '2026-12-31',
          goal: 'Қала тұрғындарының бастамаларын жүзеге асыру',
          measurableResult: 'Іске асқан бастамалар мен өткен іс-шаралар саны',
          links: [...events.map((e) => ({ kind: 'EVENT', id: e.id })), ...initiatives.map((i) => ({ kind: 'INITIATIVE', id: i.id }))],
        },
      },
      office,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createProject.id;

    const res = await ask(
      `query($id: ID!) { project(id: $id) {
        events { id status projects { id } }
        initiatives { id status }
        progress { linked done share byKind { kind linked done } }
      } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const project = res.data!.project;
    // The owners resolve the linked entities: statuses as the lists showed them, and the reverse field.
    expect(project.events.map((e: { id: string; status: string }) => [e.id, e.status]).sort()).toEqual(events.map((e) => [e.id, e.status]).sort());
    expect(project.events.every((e: { projects: { id: string }[] }) => e.projects.some((p) => p.id === id))).toBe(true);
    const eventsDone = events.filter((e) => e.status === 'COMPLETED').length;
    const initiativesDone = initiatives.filter((i) => i.status === 'IMPLEMENTED').length;
    const linked = events.length + initiatives.length;
    expect(eventsDone + initiativesDone).toBeGreaterThan(0);
    expect(eventsDone + initiativesDone).toBeLessThan(linked);
    expect(project.progress).toEqual({
      linked,
      done: eventsDone + initiativesDone,
      share: (eventsDone + initiativesDone) / linked,
      byKind: [
        ...(events.length ? [{ kind: 'EVENT', linked: events.length, done: eventsDone }] : []),
        ...(initiatives.length ? [{ kind: 'INITIATIVE', linked: initiatives.length, done: initiativesDone }] : []),
      ],
    });
  });

  it('takes a district report from DRAFT through RETURNED to ACCEPTED, with figures frozen at submission', async () => {
    const periodEnd = nextReportingFriday(todayInKazakhstan());
    const REPORT = 'id status periodStart periodEnd dueOn overdue results remarks snapshot snapshotAt territory { code }';
    const created = await ask(
      `mutation($input: CreateDistrictReportInput!) { createDistrictReport(input: $input) { ${REPORT} } }`,
      { input: { territory: ALMALY_DISTRICT, periodEnd, problems: 'Екі мектепте өлкетану үйірмесінің жетекшісі жоқ' } },
      officer,
    );
    expect(created.errors).toBeUndefined();
    const report = created.data!.createDistrictReport;
    expect(report).toMatchObject({ status: 'DRAFT', periodEnd, dueOn: periodEnd, overdue: false, snapshot: null, territory: { code: ALMALY_DISTRICT } });
    const id = report.id;

    // Results first: a report that says nothing changed is refused.
    const empty = await ask(`mutation($id: ID!) { submitDistrictReport(id: $id) { id } }`, { id }, officer);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'results' });
    await ask(`mutation($id: ID!, $input: DistrictReportNarrativeInput!) { updateDistrictReport(id: $id, input: $input) { id } }`, {
      id,
      input: { results: 'Алмалы ауданында 3 жаңа өлкетану үйірмесі ашылды, 45 оқушы қатысты' },
    }, officer);

    const live = async () => {
      const res = await ask(
        `query($code: ID!, $from: String!, $to: String!) { territory(code: $code) { complaintIndicators(from: $from, to: $to) { filed open } qrCoverage { monuments monumentsWithInstalledQr } } }`,
        { code: ALMALY_DISTRICT, from: report.periodStart, to: periodEnd },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.territory;
    };
    const before = await live();
    const submitted = await ask(`mutation($id: ID!) { submitDistrictReport(id: $id) { ${REPORT} } }`, { id }, officer);
    expect(submitted.errors).toBeUndefined();
    const snapshot = submitted.data!.submitDistrictReport.snapshot;
    expect(snapshot.code).toBe(ALMALY_DISTRICT);
    expect(snapshot.complaintIndicators).toMatchObject({ from: report.periodStart, to: periodEnd, ...before.complaintIndicators });
    expect(snapshot.qrCoverage).toMatchObject(before.qrCoverage);
    expect(Object.keys(snapshot).sort()).toEqual(['code', 'complaintIndicators', 'faces', 'initiatives', 'mediaPlans', 'qrCoverage', 'tarbieBilimIndicators']);

    // New data after submission: the live figure moves, the frozen one does not.
    const citizen = await testToken({ subject: 'e2e-programme-office-citizen', roles: ['citizen'] });
    const filed = await ask(
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
      {
        input: {
          topic: 'ROADS',
          text: 'Аулаға кіретін жолда үлкен шұңқыр пайда болды, көліктер өте алмайды.',
          territory: ALMALY_DISTRICT,
          evidence: [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`programme-office-${Date.now()}`).digest('hex'), 'photo')],
        },
      },
      citizen,
    );
    expect(filed.errors).toBeUndefined();
    expect((await live()).complaintIndicators.filed).toBe(before.complaintIndicators.filed + 1);

    // The project office returns it with remarks; the district resubmits; the office accepts.
    const review = (accept: boolean, remarks?: string) =>
      ask(`mutation($id: ID!, $accept: Boolean!, $remarks: String) { reviewDistrictReport(id: $id, accept: $accept, remarks: $remarks) { ${REPORT} } }`, { id, accept, remarks }, office);
    expect((await review(false)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'remarks' });
    const returned = await review(false, 'Үйірмелерге қатысқан оқушылардың мектептер бойынша бөлінісін қосыңыз');
    expect(returned.data!.reviewDistrictReport).toMatchObject({ status: 'RETURNED', snapshot });
    expect((await ask(`mutation($id: ID!) { submitDistrictReport(id: $id) { status } }`, { id }, office)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const resubmitted = await ask(`mutation($id: ID!) { submitDistrictReport(id: $id) { ${REPORT} } }`, { id }, officer);
    expect(resubmitted.data!.submitDistrictReport.status).toBe('SUBMITTED');
    // Resubmission takes the figures again: they now count the new complaint.
    expect(resubmitted.data!.submitDistrictReport.snapshot.complaintIndicators.filed).toBe(before.complaintIndicators.filed + 1);
    const accepted = await review(true);
    expect(accepted.data!.reviewDistrictReport.status).toBe('ACCEPTED');
    expect((await review(true)).errors?.[0].extensions?.code).toBe('INVALID_TRANSITION');

    // Read again, the accepted report gives the figures frozen at its last submission.
    const frozen = accepted.data!.reviewDistrictReport.snapshot;
    const again = await ask(`query($id: ID!) { districtReport(id: $id) { snapshot } }`, { id }, office);
    expect(again.data!.districtReport.snapshot).toEqual(frozen);
    // Reports are internal: the public and other regions' offices see nothing.
    expect((await ask(`query($id: ID!) { districtReport(id: $id) { id } }`, { id })).data!.districtReport).toBeNull();
    const astana = await testToken({ subject: 'po-astana', roles: ['project_office'], territory: '710000000' });
    expect((await ask(`query($id: ID!) { districtReport(id: $id) { id } }`, { id }, astana)).data!.districtReport).toBeNull();
  });

  it('shows the regional project office the districts late with a report', async () => {
    const res = await ask(`query($region: ID!) { lateDistricts(region: $region) { territory { code level } periodEnd dueOn daysOverdue report { id status } } }`, { region: ALMATY }, office);
    expect(res.errors).toBeUndefined();
    const late: { territory: { code: string; level: string }; periodEnd: string; dueOn: string; daysOverdue: number; report: unknown }[] = res.data!.lateDistricts;
    const today = todayInKazakhstan();
    expect(late.length).toBeGreaterThan(0);
    for (const row of late) {
      expect(row.territory.level).toBe('DISTRICT');
      expect(row.territory.code.startsWith('75')).toBe(true);
      expect(row.periodEnd < today).toBe(true);
      expect(row.periodEnd).toBe(nextReportingFriday(row.periodEnd));
      expect(row.daysOverdue).toBeGreaterThan(0);
    }
    // Almaly's current period is not yet due, so it is not listed for it.
    expect(late.some((r) => r.periodEnd >= today)).toBe(false);
    expect((await ask(`query { lateDistricts(region: "${ALMATY}") { periodEnd } }`, {}, officer)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  /** programmeReport against an explicit data set: what the test adds to a district, on top of what was there. */
  describe('programme report', () => {
    let admin: string;
    beforeAll(async () => {
      admin = await testToken({ subject: 'e2e-programme-admin', roles: ['admin'] });
    });

    const must = async (query: string, variables: Record<string, unknown>, token = admin) => {
      const res = await ask(query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data!;
    };
    const FIGURES = `territory { code } from to
      tarbieBilim { schoolYear clubs clubMembers events eventsHeld participants }
      atameken { initiatives initiativesByStatus { status count } implementedInPeriod pledged spent complaintsFiled complaintsOpen complaintsResolved complaintsOverdue }
      rukhaniQazyna { monuments monumentsWithInstalledQr qrCoverage scans routes }
      aqparatTolqyny { plans itemsPlanned published publishedOnTime cancelled execution reach facesByStatus { status count } }`;
    const report = async (from: string, to: string) => {
      const res = await ask(`query($from: String!, $to: String!) { programmeReport(territory: "${ALMATY}", from: $from, to: $to) { current { ${FIGURES} } previous { ${FIGURES} } children { ${FIGURES} } } }`, { from, to });
      expect(res.errors).toBeUndefined();
      return res.data!.programmeReport;
    };
    const day = (offset: number) => new Date(Date.parse(`${todayInKazakhstan()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

    it('answers for a region in one query: the period, the previous one of equal length, and each district, with the added records counted exactly', async () => {
      const from = day(0);
      const to = day(40);
      const before = await report(from, to);
      expect(before.current).toMatchObject({ territory: { code: ALMATY }, from, to });
      expect(before.previous).toMatchObject({ from: day(-41), to: day(-1) });
      expect(before.children.length).toBeGreaterThan(3);
      // A district with no demo complaints or initiatives in the period.
      const child = before.children.find((c: any) => c.atameken.complaintsFiled === 0 && c.atameken.initiatives === 0 && c.tarbieBilim.events === 0);
      expect(child).toBeDefined();
      const district = child.territory.code;

      // The explicit data set: two complaints, one event starting in the period, two initiatives of which one is implemented.
      const citizen = await testToken({ subject: 'e2e-programme-citizen', roles: ['citizen'] });
      for (const text of ['Көшедегі шамдар бір аптадан бері жанбайды, кешке қараңғы.', 'Балалар алаңындағы әткеншек сынып қалды, қауіпті.']) {
        await must(
          `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
          {
            input: {
              topic: 'PUBLIC_AMENITIES',
              text,
              territory: district,
              evidence: [signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(text).digest('hex'), 'photo')],
            },
          },
          citizen,
        );
      }
      await must(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
        input: {
          kind: 'CONFERENCE',
          baseProject: 'OLKETANU',
          title: { kk: 'Аудан тарихы конференциясы' },
          startsAt: `${day(10)}T10:00:00+05:00`,
          endsAt: `${day(10)}T16:00:00+05:00`,
          territory: district,
          organiser: 'Аудандық білім бөлімі',
        },
      });
      const propose = async (title: string) =>
        (await must(`mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`, {
          input: { kind: 'SOCIAL', direction: 'EDUCATION', category: 'A', title: { kk: title }, territory: district, estimate: 0 },
        })).proposeInitiative.id;
      await propose('Аула кітапханасы');
      const done = await propose('Ауладағы спорт алаңы');
      await must(`mutation($id: ID!) { changeInitiativeStatus(id: $id, to: IN_PROGRESS) { id } }`, { id: done });
      await must(`mutation($input: CompleteInitiativeInput!) { completeInitiative(input: $input) { id } }`, {
        input: { initiative: done, result: { kk: 'Спорт алаңы салынды.' }, peopleServed: 80 },
      });

      const after = await report(from, to);
      const was = before.children.find((c: any) => c.territory.code === district);
      const now = after.children.find((c: any) => c.territory.code === district);
      const byStatus = (figures: any) => Object.fromEntries(figures.atameken.initiativesByStatus.map((s: any) => [s.status, s.count]));
      expect(now.atameken).toMatchObject({ complaintsFiled: 2, complaintsOpen: 2, initiatives: 2, implementedInPeriod: 1, pledged: 0, spent: 0 });
      expect(byStatus(now)).toMatchObject({ INITIATED: 1, IMPLEMENTED: 1, IN_PROGRESS: 0 });
      expect(now.tarbieBilim).toMatchObject({ events: 1, eventsHeld: 0 });
      // Nothing else of the district moved.
      expect({ ...now, atameken: null, tarbieBilim: null }).toEqual({ ...was, atameken: null, tarbieBilim: null });
      // The region counts the same additions; the previous period does not.
      expect(after.current.atameken.complaintsFiled - before.current.atameken.complaintsFiled).toBe(2);
      expect(after.current.atameken.initiatives - before.current.atameken.initiatives).toBe(2);
      expect(after.current.tarbieBilim.events - before.current.tarbieBilim.events).toBe(1);
      expect(after.previous).toEqual(before.previous);
    });

    it('refuses a period that ends before it starts or is not made of calendar days', async () => {
      const reversed = await ask(`{ programmeReport(territory: "${ALMATY}", from: "2026-05-01", to: "2026-04-01") { current { from } } }`);
      expect(reversed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
      const bad = await ask(`{ programmeReport(territory: "${ALMATY}", from: "2026-02-30", to: "2026-04-01") { current { from } } }`);
      expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from' });
    });
  });

  describe('open-data CSV export', () => {
    const download = async (path: string, token?: string) => {
      const res = await fetch(`${system.gatewayUrl.replace(/\/graphql$/, '')}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      const bytes = Buffer.from(await res.arrayBuffer());
      return { status: res.status, type: res.headers.get('content-type'), bytes, text: bytes.toString('utf8') };
    };
    const table = (text: string) => parse(text, { bom: true, columns: true, skip_empty_lines: true }) as Record<string, string>[];
    const from = '2026-01-01';
    const to = todayInKazakhstan();

    it('streams the programme report as UTF-8 CSV with a BOM, headers in the asked language, the same numbers as GraphQL', async () => {
      const csv = await download(`/export/programme-report.csv?territory=${ALMATY}&from=${from}&to=${to}&lang=ru`);
      expect(csv.status).toBe(200);
      expect(csv.type).toMatch(/^text\/csv; charset=utf-8/);
      expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const rows = table(csv.text);
      expect(Object.keys(rows[0])).toContain('Поступило жалоб');
      const res = await ask(
        `query($from: String!, $to: String!) { programmeReport(territory: "${ALMATY}", from: $from, to: $to) {
          current { territory { code } atameken { complaintsFiled initiatives pledged } rukhaniQazyna { monuments } tarbieBilim { events } }
          children { territory { code } atameken { complaintsFiled initiatives pledged } rukhaniQazyna { monuments } tarbieBilim { events } } } }`,
        { from, to },
      );
      expect(res.errors).toBeUndefined();
      const figures = [res.data!.programmeReport.current, ...res.data!.programmeReport.children];
      expect(rows.map((r) => [r['Код КАТО'], Number(r['Поступило жалоб']), Number(r['Инициативы']), Number(r['Обещано, ₸']), Number(r['Памятники']), Number(r['Мероприятия'])])).toEqual(
        figures.map((f: any) => [f.territory.code, f.atameken.complaintsFiled, f.atameken.initiatives, f.atameken.pledged, f.rukhaniQazyna.monuments, f.tarbieBilim.events]),
      );
      expect(figures[0].atameken.complaintsFiled).toBeGreaterThan(0);
    });

    it('exports complaint indicators by territory and month, monuments with QR coverage, events and anonymised complaints', async () => {
      const trend = table((await download(`/export/complaint-indicators.csv?territory=${ALMATY}&from=${from}&to=${to}&lang=en`)).text);
      const gqlTrend = await ask(`query($from: String!, $to: String!) { territory(code: "${ALMATY}") { complaintTrend(from: $from, to: $to) { month filed } } }`, { from, to });
      const own = trend.filter((r) => r['KATO code'] === ALMATY);
      expect(own.length).toBeGreaterThan(0);
      expect(own.map((r) => [r.Month, Number(r['Complaints filed'])])).toEqual(gqlTrend.data!.territory.complaintTrend.map((m: any) => [m.month, m.filed]));

      const monuments = table((await download(`/export/monuments.csv?territory=${ALMATY}&lang=kk`)).text);
      const gqlMonuments = await ask(`{ territory(code: "${ALMATY}") { monuments(first: 1) { totalCount } qrCoverage { monuments monumentsWithInstalledQr } } }`);
      expect(monuments.length).toBeGreaterThan(0);
      expect(monuments.length).toBe(gqlMonuments.data!.territory.monuments.totalCount);
      expect(monuments.filter((m) => m['QR-код орнатылған'] === 'true').length).toBe(gqlMonuments.data!.territory.qrCoverage.monumentsWithInstalledQr);

      const events = table((await download(`/export/events.csv?territory=${ALMATY}&lang=en`)).text);
      const gqlEvents = await ask(`{ territory(code: "${ALMATY}") { events(first: 1) { totalCount } } }`);
      expect(events.length).toBeGreaterThan(0);
      expect(events.length).toBe(gqlEvents.data!.territory.events.totalCount);

      const complaints = await download(`/export/complaints.csv?territory=${ALMATY}&lang=en`);
      const rows = table(complaints.text);
      const gqlComplaints = await ask(`{ territory(code: "${ALMATY}") { complaints(first: 1) { totalCount } } }`);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.length).toBe(gqlComplaints.data!.territory.complaints.totalCount);
      expect(Object.keys(rows[0])).toEqual(['Id', 'Topic', 'Status', 'Filed at', 'Due on', 'Resolved at', 'Overdue', 'KATO code']);
      // No author, text or coordinates; places are KATO units.
      expect(complaints.text).not.toMatch(/demo-(citizen|volunteer)|\+7 7\d\d/);
      expect(rows.every((r) => /^\d{9}$/.test(r['KATO code']))).toBe(true);
    });

    it('refuses bad parameters, unknown datasets and bad tokens like /graphql does', async () => {
      expect((await download(`/export/monuments.csv?territory=${ALMATY}&lang=de`)).status).toBe(400);
      expect((await download(`/export/programme-report.csv?territory=${ALMATY}`)).status).toBe(400);
      expect((await download(`/export/monuments.csv?territory=123`)).status).toBe(400);
      expect((await download(`/export/people.csv?territory=${ALMATY}`)).status).toBe(404);
      const bad = await download(`/export/monuments.csv?territory=${ALMATY}`, 'not-a-token');
      expect(bad.status).toBe(401);
      expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    });
  });
});
