import { readFileSync } from 'node:fs';
import { Kind, parse } from 'graphql';
import { join } from 'node:path';
import { SUBGRAPHS } from '@rz/contract';
import { gql, type GraphQLResponse, startTestSystem, type TestSystem, testToken } from '@rz/test-support';
import { aqparatTolqynyProbes } from './probes/aqparat-tolqyny.probes';
import { atamekenComplaintProbes } from './probes/atameken-complaints.probes';
import { atamekenInitiativeProbes } from './probes/atameken-initiatives.probes';
import { atamekenVolunteerProbes } from './probes/atameken-volunteers.probes';
import { rukhaniQazynaProbes } from './probes/rukhani-qazyna.probes';
import { tarbieBilimProbes } from './probes/tarbie-bilim.probes';
import { projectOfficeProbes } from './probes/project-office.probes';
import { notificationsProbes } from './probes/notifications.probes';
import { ALMATY, SUBPROGRAMMES, VIEWERS, type Fixtures, type FixtureContext, type ProbeSet, type ViewerSpec } from './role-table.probe';

/**
 * Walks the role tables in docs/authorization.md: every row, as every viewer of a fixed
 * list, through the gateway and directly against the owning subgraph. The doc is the
 * source of truth; the probe files only say how to exercise a row.
 */

const PROBE_SETS: ProbeSet[] = [
  tarbieBilimProbes,
  atamekenComplaintProbes,
  atamekenInitiativeProbes,
  atamekenVolunteerProbes,
  rukhaniQazynaProbes,
  aqparatTolqynyProbes,
  projectOfficeProbes,
  notificationsProbes,
];
const AUTH_CODES = ['FORBIDDEN', 'UNAUTHENTICATED'];
const ROLE_TOKENS = ['admin', 'citizen', 'patron', 'ngo', 'volunteer'];

interface Row {
  subgraph: string;
  operation: string;
  rule: string[];
  probe: string;
}

/** The rows of every table whose header is "subgraph | operation | who may use it | probe". */
function readTables(): Row[] {
  const lines = readFileSync(join(__dirname, '../../docs/authorization.md'), 'utf8').split('\n');
  const header = /^\|\s*subgraph\s*\|\s*operation\s*\|\s*who may use it\s*\|\s*probe\s*\|/;
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    if (!header.test(lines[i])) continue;
    for (i += 2; i < lines.length && lines[i].startsWith('|'); i += 1) {
      const cells = lines[i].split('|').slice(1, -1).map((c) => c.trim());
      if (cells.length !== 4) throw new Error(`Malformed row: ${lines[i]}`);
      const [subgraph, operation, who, probe] = cells;
      rows.push({ subgraph, operation, rule: [...who.matchAll(/`([^`]+)`/g)].map((m) => m[1]), probe: probe.replace(/`/g, '') });
    }
  }
  if (rows.length === 0) throw new Error('docs/authorization.md has no role table');
  return rows;
}

/** Whether `viewer` matches one rule token, for a record in `territory`. */
function matches(token: string, viewer: ViewerSpec, territory: string): boolean {
  const signedIn = viewer.name !== 'anonymous';
  const inScope = !!viewer.territory && territory.startsWith(viewer.territory.replace(/0+$/, ''));
  if (ROLE_TOKENS.includes(token)) return viewer.roles.includes(token);
  switch (token) {
    case 'anyone':
      return true;
    case 'signed-in':
      return signedIn;
    case 'eds':
      return signedIn && !!viewer.eds;
    case 'owner':
      return viewer.name === 'owner';
    case 'akimat_officer:scope':
      return viewer.roles.includes('akimat_officer') && inScope;
    case 'project_office:scope':
      return viewer.roles.includes('project_office') && inScope;
    default: {
      const editor = /^ministry_editor:(.+)$/.exec(token);
      if (editor && SUBPROGRAMMES.includes(editor[1] as never)) return viewer.roles.includes('ministry_editor') && viewer.subprogramme === editor[1];
      throw new Error(`Unknown rule token \`${token}\` in docs/authorization.md`);
    }
  }
}

const authCodes = (r: GraphQLResponse) => (r.errors ?? []).map((e) => e.extensions?.code as string).filter((c) => AUTH_CODES.includes(c));
const probeOf = (name: string) => PROBE_SETS.map((s) => ({ set: s, probe: s.probes[name] })).find((p) => p.probe);

describe('role table (docs/authorization.md)', () => {
  const rows = readTables();
  let system: TestSystem;
  const fixtures = new Map<ProbeSet, Fixtures>();
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
    const ctx: FixtureContext = {
      gatewayUrl: system.gatewayUrl,
      token: (viewer) => tokens.get(viewer),
      async must(query, variables = {}, viewer = 'admin') {
        const r = await gql(system.gatewayUrl, query, variables, tokens.get(viewer));
        if (r.errors?.length) throw new Error(`fixture operation failed as ${viewer}: ${JSON.stringify(r.errors)} for ${query}`);
        return r.data as any;
      },
    };
    for (const set of PROBE_SETS) {
      const f = await set.fixtures(ctx);
      for (const [key, value] of Object.entries(f)) if (!value) throw new Error(`${set.subgraph}: no fixture for ${key}`);
      fixtures.set(set, f);
    }
  }, 300_000);

  afterAll(async () => {
    process.stdout.write(`role table: ${rows.length} operations, ${VIEWERS.length} viewers, ${checked} checks\n`);
    await system?.close();
  });

  it('has exactly one probe for every row, in the right subgraph, and knows every rule token', () => {
    const names = PROBE_SETS.flatMap((s) => Object.keys(s.probes));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    const problems: string[] = [];
    for (const row of rows) {
      const found = probeOf(row.probe);
      if (!found) problems.push(`${row.operation}: no probe ${row.probe}`);
      else if (found.set.subgraph !== row.subgraph) problems.push(`${row.operation}: probe is in ${found.set.subgraph}, row says ${row.subgraph}`);
      if (row.rule.length === 0) problems.push(`${row.operation}: no rule token`);
      for (const token of row.rule) for (const v of VIEWERS) matches(token, v, ALMATY);
    }
    const unused = names.filter((n) => !rows.some((r) => r.probe === n));
    expect({ problems, unused }).toEqual({ problems: [], unused: [] });
    for (const { name } of SUBGRAPHS) expect(rows.some((r) => r.subgraph === name)).toBe(true);
  });

  it('has a row for every mutation of every subgraph (committed SDL)', () => {
    const listed = new Set(rows.map((r) => `${r.subgraph}.${r.operation.split(' ')[0]}`));
    const missing: string[] = [];
    for (const { name: subgraph } of SUBGRAPHS) {
      const document = parse(readFileSync(join(__dirname, `../../schema/subgraphs/${subgraph}.graphql`), 'utf8'));
      for (const definition of document.definitions) {
        if ((definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && definition.name.value === 'Mutation') {
          for (const field of definition.fields ?? []) if (!listed.has(`${subgraph}.${field.name.value}`)) missing.push(`${subgraph}.${field.name.value}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(rows.map((r) => [r.subgraph, r.operation, r] as const))('%s %s: allowed and denied viewers, through the gateway and directly', async (_s, _o, row) => {
    const found = probeOf(row.probe);
    expect(found).toBeDefined();
    const { set, probe } = found!;
    const targets = [
      ['gateway', system.gatewayUrl],
      [row.subgraph, system.services.get(set.subgraph)!.url],
    ] as const;
    const failures: string[] = [];
    for (const viewer of VIEWERS) {
      const allowed = row.rule.some((t) => matches(t, viewer, ALMATY));
      for (const [via, url] of targets) {
        const response = await gql(url, probe.document, probe.variables(fixtures.get(set)!), tokens.get(viewer.name));
        const where = `${row.operation} as ${viewer.name} via ${via}`;
        const first = response.errors?.[0];
        if (response.status >= 500) failures.push(`${where}: HTTP ${response.status}`);
        if (probe.shows) {
          if (first) failures.push(`${where}: unexpected error ${JSON.stringify(first)}`);
          else if (probe.shows(response) !== allowed) failures.push(`${where}: expected the field ${allowed ? 'shown' : 'withheld'}`);
        } else if (allowed) {
          if (authCodes(response).length) failures.push(`${where}: allowed but refused with ${JSON.stringify(first)}`);
        } else {
          // Without a token the caller is asked to sign in; with one, refused.
          const expected = viewer.roles.length ? 'FORBIDDEN' : 'UNAUTHENTICATED';
          if (first?.extensions?.code !== expected) failures.push(`${where}: ${expected} expected, got ${first ? JSON.stringify(first) : 'data'}`);
        }
        checked += 1;
      }
    }
    expect(failures).toEqual([]);
  });
});
