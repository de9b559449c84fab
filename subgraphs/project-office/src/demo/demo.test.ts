import { kato, TerritoryLevel } from '@rz/schema';
import { createLogger } from '@rz/service-kit';
import { gql, startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { isReportingFriday } from '../district-report/report-period';
import { projectOffice } from '../subgraph';
import { seedDemo } from './demo.seed';
import { DEMO_PROJECTS } from './projects.seed';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(projectOffice, { seedDemo: true });
});
afterAll(() => subgraph?.close());

describe('project-office demo data', () => {
  it('registers the demo projects with budgets, roles and links, once however often it runs', async () => {
    await seedDemo(subgraph.db, createLogger('test', 'silent'));
    const res = await gql(subgraph.url, `{ projects(first: 50) { totalCount nodes { status budgetTotal members { role } events { id } monuments { id } initiatives { id } faces { id } mediaPlans { id } } } }`);
    expect(res.errors).toBeUndefined();
    const { totalCount, nodes } = res.data!.projects;
    expect(totalCount).toBe(DEMO_PROJECTS.length);
    expect(new Set(nodes.map((n: { status: string }) => n.status))).toEqual(new Set(['PLANNED', 'ACTIVE', 'COMPLETED']));
    for (const n of nodes) {
      expect(n.budgetTotal).toBeGreaterThan(0);
      expect(n.members.length).toBeGreaterThan(0);
      expect(n.events.length + n.monuments.length + n.initiatives.length + n.faces.length + n.mediaPlans.length).toBeGreaterThan(0);
    }
  });

  it('has draft district reports of districts for reporting Fridays', async () => {
    const rows = await subgraph.db.query(`SELECT territory_code, period_end::text AS period_end, status FROM district_report`);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(kato().require(r.territory_code).level).toBe(TerritoryLevel.DISTRICT);
      expect(isReportingFriday(r.period_end)).toBe(true);
      expect(r.status).toBe('DRAFT');
    }
  });
});
