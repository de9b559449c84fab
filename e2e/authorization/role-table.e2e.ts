import { readFileSync } from 'node:fs';
import type { SubgraphName } from '@rz/schema';
import { join } from 'node:path';
import { gql, type GraphQLResponse } from '../../infra/src/testing/graphql-client';
import { startTestSystem, type TestSystem } from '../../infra/src/testing/system-harness';
import { testToken } from '../../infra/src/testing/test-env';

/**
 * Walks the role table in docs/authorization.md: every row, as every viewer of a
 * fixed list, through the gateway and directly against the owning subgraph.
 * The doc is the source of truth; the probes below only say how to exercise a row.
 */

const ALMATY = '750000000';
const ASTANA = '710000000';
const AUTH_CODES = ['FORBIDDEN', 'UNAUTHENTICATED'];
const SUBPROGRAMMES = ['tarbie-bilim', 'atameken', 'rukhani-qazyna', 'aqparat-tolqyny'];

interface ViewerSpec {
  name: string;
  roles: string[];
  territory?: string;
  subprogramme?: string;
  eds?: boolean;
}

const VIEWERS: ViewerSpec[] = [
  { name: 'anonymous', roles: [] },
  { name: 'citizen', roles: ['citizen'] },
  { name: 'citizen+eds', roles: ['citizen'], eds: true },
  { name: 'ngo', roles: ['ngo'] },
  { name: 'volunteer', roles: ['volunteer'] },
  { name: `akimat_officer@${ALMATY}`, roles: ['akimat_officer'], territory: ALMATY },
  { name: `akimat_officer@${ASTANA}`, roles: ['akimat_officer'], territory: ASTANA },
  { name: `project_office@${ALMATY}`, roles: ['project_office'], territory: ALMATY },
  { name: `project_office@${ASTANA}`, roles: ['project_office'], territory: ASTANA },
  ...SUBPROGRAMMES.map((s) => ({ name: `ministry_editor:${s}`, roles: ['ministry_editor'], subprogramme: s })),
  { name: 'admin', roles: ['admin'] },
];

/** Record ids looked up (or created) before the walk. */
interface Fixtures {
  eventId: string;
  monumentId: string;
  mediaPlanId: string;
  complaintId: string;
  initiativeId: string;
  volunteerId: string;
}

interface Probe {
  subgraph: string;
  document: string;
  variables: (f: Fixtures) => Record<string, unknown>;
  /** For a field that is withheld rather than refused: whether the response shows it. */
  shows?: (response: GraphQLResponse) => boolean;
}

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const PROBES: Record<string, Probe> = {
  createEvent: {
    subgraph: 'tarbie-bilim',
    document: `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    variables: () => ({
      input: {
        kind: 'CONFERENCE',
        baseProject: 'OLKETANU',
        title: { kk: `Өлкетану конференциясы ${unique()}` },
        startsAt: later(30),
        endsAt: later(31),
        territory: ALMATY,
        organiser: 'Алматы қаласының білім басқармасы',
      },
    }),
  },
  updateEvent: {
    subgraph: 'tarbie-bilim',
    document: `mutation($id: ID!, $input: UpdateEventInput!) { updateEvent(id: $id, input: $input) { id } }`,
    variables: (f) => ({ id: f.eventId, input: { venue: 'Алматы, Абай даңғылы' } }),
  },
  changeEventStatus: {
    subgraph: 'tarbie-bilim',
    // PLANNED -> ONGOING is never allowed, so an allowed caller meets INVALID_TRANSITION and the event stays as it is.
    document: `mutation($id: ID!) { changeEventStatus(id: $id, to: ONGOING) { id } }`,
    variables: (f) => ({ id: f.eventId }),
  },
  createLocalHistoryClub: {
    subgraph: 'tarbie-bilim',
    document: `mutation($input: CreateLocalHistoryClubInput!) { createLocalHistoryClub(input: $input) { id } }`,
    variables: () => ({ input: { name: `Өлкетану үйірмесі ${unique()}`, school: '№ 12 мектеп-гимназия', territory: ALMATY, leader: 'Үйірме жетекшісі' } }),
  },
  setSchoolEnrolment: {
    subgraph: 'tarbie-bilim',
    document: `mutation($input: SchoolEnrolmentInput!) { setSchoolEnrolment(input: $input) { students } }`,
    variables: () => ({ input: { territory: ALMATY, schoolYear: 2024, students: 250000 } }),
  },
  createLocalHistoryMaterial: {
    subgraph: 'tarbie-bilim',
    document: `mutation($input: CreateLocalHistoryMaterialInput!) { createLocalHistoryMaterial(input: $input) { id } }`,
    variables: () => ({ input: { kind: 'ARTICLE', title: `Алматы тарихы ${unique()}`, language: 'KK', territory: ALMATY } }),
  },
  registerForEvent: {
    subgraph: 'tarbie-bilim',
    document: `mutation($eventId: ID!, $input: EventRegistrationInput!) { registerForEvent(eventId: $eventId, input: $input) { id } }`,
    variables: (f) => ({ eventId: f.eventId, input: { kind: 'STUDENT', grade: 9, school: '№ 12 мектеп-гимназия', schoolTerritory: ALMATY } }),
  },
  eventRegistrations: {
    subgraph: 'tarbie-bilim',
    document: `query($eventId: ID!) { eventRegistrations(eventId: $eventId, first: 5) { nodes { id } } }`,
    variables: (f) => ({ eventId: f.eventId }),
  },
  createMonument: {
    subgraph: 'rukhani-qazyna',
    document: `mutation($input: CreateMonumentInput!) { createMonument(input: $input) { id } }`,
    variables: () => ({ input: { name: { kk: `Ескерткіш ${unique()}` }, type: 'MONUMENTAL_ART', significance: 'LOCAL', territory: ALMATY } }),
  },
  updateMonument: {
    subgraph: 'rukhani-qazyna',
    document: `mutation($id: ID!, $input: UpdateMonumentInput!) { updateMonument(id: $id, input: $input) { id } }`,
    variables: (f) => ({ id: f.monumentId, input: { significance: 'LOCAL' } }),
  },
  assessMonumentCondition: {
    subgraph: 'rukhani-qazyna',
    document: `mutation($id: ID!, $input: AssessMonumentConditionInput!) { assessMonumentCondition(monumentId: $id, input: $input) { id } }`,
    variables: (f) => ({ id: f.monumentId, input: { condition: 'GOOD', assessedOn: '2024-05-01', assessedBy: 'Алматы қаласының мәдениет басқармасы' } }),
  },
  issueQrCode: {
    subgraph: 'rukhani-qazyna',
    document: `mutation($id: ID!) { issueQrCode(monumentId: $id) { id } }`,
    variables: (f) => ({ id: f.monumentId }),
  },
  createTourismRoute: {
    subgraph: 'rukhani-qazyna',
    document: `mutation($input: CreateTourismRouteInput!) { createTourismRoute(input: $input) { id } }`,
    variables: () => ({ input: { name: { kk: `Алматы маршруты ${unique()}` }, type: 'FAMILY', territory: ALMATY } }),
  },
  createMediaPlan: {
    subgraph: 'aqparat-tolqyny',
    document: `mutation($input: CreateMediaPlanInput!) { createMediaPlan(input: $input) { id } }`,
    variables: () => ({ input: { territory: ALMATY, year: 2031, submissionDeadline: '2030-12-01' } }),
  },
  submitMediaPlan: {
    subgraph: 'aqparat-tolqyny',
    // The fixture plan has no items: an allowed caller is refused with BAD_USER_INPUT and the plan stays DRAFT.
    document: `mutation($id: ID!) { submitMediaPlan(id: $id) { id } }`,
    variables: (f) => ({ id: f.mediaPlanId }),
  },
  reviewMediaPlan: {
    subgraph: 'aqparat-tolqyny',
    // The fixture plan is DRAFT: an allowed caller meets INVALID_TRANSITION.
    document: `mutation($id: ID!) { reviewMediaPlan(id: $id, approve: true) { id } }`,
    variables: (f) => ({ id: f.mediaPlanId }),
  },
  nominateFace: {
    subgraph: 'aqparat-tolqyny',
    document: `mutation($input: NominateFaceInput!) { nominateFace(input: $input) { id } }`,
    variables: () => ({
      input: { name: `Жаңа есім ${unique()}`, territory: ALMATY, sphere: 'CULTURE', story: { kk: 'Қала тұрғындарымен кездесуде ұсынылды' }, nominatedBy: 'Тұрғындармен кездесу' },
    }),
  },
  changeComplaintStatus: {
    subgraph: 'atameken',
    // SUBMITTED/ACCEPTED/... -> SUBMITTED is never a move: allowed callers meet INVALID_TRANSITION.
    document: `mutation($id: ID!) { changeComplaintStatus(id: $id, to: SUBMITTED) { id } }`,
    variables: (f) => ({ id: f.complaintId }),
  },
  proposeInitiative: {
    subgraph: 'atameken',
    document: `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { id } }`,
    variables: () => ({
      input: { kind: 'SOCIAL', direction: 'EDUCATION', category: 'A', title: { kk: `Аула абаттандыру ${unique()}` }, territory: ALMATY, estimate: 100000 },
    }),
  },
  recordInitiativeBudget: {
    subgraph: 'atameken',
    document: `mutation($id: ID!) { recordInitiativeBudget(id: $id, amount: 0) { id } }`,
    variables: (f) => ({ id: f.initiativeId }),
  },
  setComplaintTopicDeadline: {
    subgraph: 'atameken',
    document: `mutation { setComplaintTopicDeadline(topic: ROADS, workingDays: 15) { topic } }`,
    variables: () => ({}),
  },
  removeAkimatOfficer: {
    subgraph: 'atameken',
    // An unknown registration: the admin meets NOT_FOUND and nothing is removed.
    document: `mutation($id: ID!) { removeAkimatOfficer(id: $id) { id } }`,
    variables: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
  },
  akimatOfficers: {
    subgraph: 'atameken',
    document: `{ akimatOfficers(first: 5) { nodes { id } } }`,
    variables: () => ({}),
  },
  confirmZhomartWinner: {
    subgraph: 'atameken',
    document: `mutation($input: ConfirmZhomartWinnerInput!) { confirmZhomartWinner(input: $input) { id } }`,
    variables: () => ({ input: { nomination: 'BEST_NGO', territory: ALMATY, period: 'YEAR', day: '2024-06-01', nomineeName: 'Алматы еріктілер орталығы' } }),
  },
  revealVolunteerContact: {
    subgraph: 'atameken',
    document: `mutation($id: ID!) { revealVolunteerContact(id: $id, reason: "Көмек сұрауды келісу үшін") { volunteerId } }`,
    variables: (f) => ({ id: f.volunteerId }),
  },
  personalDataReleases: {
    subgraph: 'atameken',
    document: `{ personalDataReleases(first: 5) { nodes { id } } }`,
    variables: () => ({}),
  },
  complaintEvidence: {
    subgraph: 'atameken',
    document: `query($id: ID!) { complaint(id: $id) { id evidenceCount evidence { url } } }`,
    variables: (f) => ({ id: f.complaintId }),
    shows: (r) => ((r.data as any)?.complaint?.evidence ?? []).length > 0,
  },
};

interface Row {
  subgraph: string;
  operation: string;
  rule: string[];
  probe: string;
}

/** The rows of the table whose header is "subgraph | operation | who may use it | probe". */
function readTable(): Row[] {
  const lines = readFileSync(join(__dirname, '../../docs/authorization.md'), 'utf8').split('\n');
  const start = lines.findIndex((l) => /^\|\s*subgraph\s*\|\s*operation\s*\|\s*who may use it\s*\|\s*probe\s*\|/.test(l));
  if (start < 0) throw new Error('docs/authorization.md has no role table');
  const rows: Row[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((c) => c.trim());
    if (cells.length !== 4) throw new Error(`Malformed row: ${line}`);
    const [subgraph, operation, who, probe] = cells;
    rows.push({ subgraph, operation, rule: [...who.matchAll(/`([^`]+)`/g)].map((m) => m[1]), probe: probe.replace(/`/g, '') });
  }
  return rows;
}

/** Whether `viewer` matches one rule token, for a record in `territory`. */
function matches(token: string, viewer: ViewerSpec, territory: string): boolean {
  const signedIn = viewer.name !== 'anonymous';
  const inScope = !!viewer.territory && territory.startsWith(viewer.territory.replace(/0+$/, ''));
  switch (token) {
    case 'anyone':
      return true;
    case 'signed-in':
      return signedIn;
    case 'admin':
    case 'ngo':
      return viewer.roles.includes(token);
    case 'eds':
      return signedIn && !!viewer.eds;
    case 'akimat_officer:scope':
      return viewer.roles.includes('akimat_officer') && inScope;
    case 'project_office:scope':
      return viewer.roles.includes('project_office') && inScope;
    case 'owner':
      return false;
    default: {
      const editor = /^ministry_editor:(.+)$/.exec(token);
      if (editor && SUBPROGRAMMES.includes(editor[1])) return viewer.roles.includes('ministry_editor') && viewer.subprogramme === editor[1];
      throw new Error(`Unknown rule token \`${token}\` in docs/authorization.md`);
    }
  }
}

const firstCode = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code as string | undefined;
const authCodes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code).filter((c) => AUTH_CODES.includes(c));

describe('role table (docs/authorization.md)', () => {
  const rows = readTable();
  let system: TestSystem;
  let fixtures: Fixtures;
  const tokens = new Map<string, string | undefined>();
  let checked = 0;

  beforeAll(async () => {
    system = await startTestSystem({ gatewayEnv: { RATE_LIMIT_ENABLED: 'false' } });
    for (const [i, v] of VIEWERS.entries()) {
      tokens.set(
        v.name,
        v.roles.length ? await testToken({ roles: v.roles, territory: v.territory, subprogramme: v.subprogramme, eds: v.eds, subject: `role-table-${i}` }) : undefined,
      );
    }
    fixtures = await loadFixtures(system, tokens.get('admin')!);
  }, 240_000);

  afterAll(async () => {
    process.stdout.write(`role table: ${checked} cases checked\n`);
    await system?.close();
  });

  it('has a probe for every row and knows every rule token', () => {
    expect(rows.length).toBeGreaterThanOrEqual(16);
    for (const row of rows) {
      expect({ row: row.operation, probe: PROBES[row.probe] ? row.probe : 'missing' }).toEqual({ row: row.operation, probe: row.probe });
      expect({ row: row.operation, subgraph: PROBES[row.probe].subgraph }).toEqual({ row: row.operation, subgraph: row.subgraph });
      expect({ row: row.operation, rule: row.rule.length > 0 }).toEqual({ row: row.operation, rule: true });
      for (const token of row.rule) for (const v of VIEWERS) matches(token, v, ALMATY);
    }
    for (const s of SUBPROGRAMMES) expect(rows.some((r) => r.subgraph === s)).toBe(true);
  });

  it.each(readTable().map((r) => [r.operation, r] as const))('%s: allowed and denied viewers, through the gateway and directly', async (_name, row) => {
    const probe = PROBES[row.probe];
    expect(probe).toBeDefined();
    const targets = [
      ['gateway', system.gatewayUrl],
      [row.subgraph, system.services.get(row.subgraph as SubgraphName)!.url],
    ] as const;
    const failures: string[] = [];
    for (const viewer of VIEWERS) {
      const allowed = row.rule.some((t) => matches(t, viewer, ALMATY));
      for (const [via, url] of targets) {
        const response = await gql(url, probe.document, probe.variables(fixtures), tokens.get(viewer.name));
        const where = `${row.operation} as ${viewer.name} via ${via}`;
        if (response.status >= 500) failures.push(`${where}: HTTP ${response.status}`);
        if (probe.shows) {
          if (response.errors?.length) failures.push(`${where}: unexpected error ${JSON.stringify(response.errors[0])}`);
          else if (probe.shows(response) !== allowed) failures.push(`${where}: expected the field ${allowed ? 'shown' : 'withheld'}`);
        } else if (allowed) {
          if (authCodes(response).length) failures.push(`${where}: allowed but refused with ${JSON.stringify(response.errors![0])}`);
        } else if (!AUTH_CODES.includes(firstCode(response) ?? '')) {
          failures.push(`${where}: denied expected, got ${response.errors ? JSON.stringify(response.errors[0]) : 'data'}`);
        }
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
  });
});

/** Almaty records from the demo data, and the few the probes need that it may lack (created as admin). */
async function loadFixtures(system: TestSystem, admin: string): Promise<Fixtures> {
  const url = system.gatewayUrl;
  const must = async (query: string, variables: Record<string, unknown> = {}) => {
    const r = await gql(url, query, variables, admin);
    if (r.errors?.length) throw new Error(`fixture query failed: ${JSON.stringify(r.errors)} for ${query}`);
    return r.data as any;
  };
  const event = await must(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, PROBES.createEvent.variables({} as Fixtures));
  const plan = await must(`mutation { createMediaPlan(input: { territory: "${ALMATY}", year: 2032, submissionDeadline: "2031-12-01" }) { id } }`);
  const monuments = await must(`{ monuments(first: 1, filter: { territory: "${ALMATY}" }) { nodes { id } } }`);
  const complaints = await must(`{ complaints(first: 50, filter: { territory: "${ALMATY}" }) { nodes { id evidenceCount } } }`);
  const initiatives = await must(`{ initiatives(first: 1, filter: { territory: "${ALMATY}" }) { nodes { id } } }`);
  const volunteers = await must(`{ volunteers(first: 1) { nodes { id } } }`);
  const complaint = complaints.complaints.nodes.find((c: any) => c.evidenceCount > 0);
  const fixtures: Fixtures = {
    eventId: event.createEvent.id,
    mediaPlanId: plan.createMediaPlan.id,
    monumentId: monuments.monuments.nodes[0]?.id,
    complaintId: complaint?.id,
    initiativeId: initiatives.initiatives.nodes[0]?.id,
    volunteerId: volunteers.volunteers.nodes[0]?.id,
  };
  for (const [key, value] of Object.entries(fixtures)) if (!value) throw new Error(`No Almaty demo record for ${key}`);
  return fixtures;
}
