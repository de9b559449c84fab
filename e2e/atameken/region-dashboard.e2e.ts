import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, startTestSystem, type TestSystem, testEnv, testToken } from '@rz/test-support';

/**
 * A region's civic dashboard through the gateway, in one query: its initiatives, its
 * complaints with their indicators and trend, and this month's volunteer ranking.
 * Real processes over real HTTP on the demo data, then changed through the gateway.
 */
const ALMATY = '750000000';
const MEDEU = '751710000';

/** Today and this month's first day in Kazakhstan (UTC+5), as the services count them. */
function kzToday(): string {
  return new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
}

const DASHBOARD = `query($region: ID!, $from: String!, $to: String!) {
  territory(code: $region) {
    code
    name(lang: EN)
    initiatives(first: 100) {
      totalCount
      nodes { id title(lang: RU) status estimate pledged remaining progress territory { code } }
    }
    complaints(first: 500) {
      totalCount
      nodes { id status topic createdAt dueOn isOverdue isOpen resolvedAt responsibleTerritory { code } territory { region { code } } }
    }
    complaintIndicators(from: $from, to: $to) {
      from to filed open resolvedByState resolvedByCitizens rejected duplicates overdue resolvedWithinDeadline medianDaysToResolve shareResolvedWithinDeadline
    }
    complaintTrend(from: $from, to: $to) { month filed resolvedByState resolvedByCitizens }
    volunteerRanking: zhomartRanking(nomination: MOST_ACTIVE_VOLUNTEER, period: MONTH) {
      periodStart periodEnd tieBreak
      entries { rank score candidate volunteer { id peopleHelped territory { code } } }
    }
  }
}`;

/** Kazakhstan calendar day of an ISO instant. */
const kzDayOf = (iso: string) => new Date(Date.parse(iso) + 5 * 3_600_000).toISOString().slice(0, 10);

describe('region dashboard through the gateway', () => {
  let system: TestSystem;
  beforeAll(async () => {
    system = await startTestSystem();
  }, 180_000);
  afterAll(() => system?.close());

  const dashboard = async (from: string, to: string) => {
    const res = await gql(system.gatewayUrl, DASHBOARD, { region: ALMATY, from, to });
    expect(res.errors).toBeUndefined();
    return res.data!.territory;
  };

  it('shows a region\'s initiatives, complaints with indicators and trend, and this month\'s volunteer ranking in one query', async () => {
    const today = kzToday();
    const from = '2026-01-01';
    const almaty = await dashboard(from, today);
    expect(almaty).toMatchObject({ code: ALMATY, name: 'Almaty' });

    expect(almaty.initiatives.totalCount).toBeGreaterThan(0);
    for (const i of almaty.initiatives.nodes) {
      expect(i.pledged + i.remaining).toBeLessThanOrEqual(i.estimate);
      expect(i.territory.code.slice(0, 2)).toBe('75');
    }

    // The indicators agree with the complaints the same query lists.
    const complaints = almaty.complaints.nodes.filter((c: any) => kzDayOf(c.createdAt) >= from && kzDayOf(c.createdAt) <= today);
    expect(complaints.length).toBeGreaterThan(0);
    const count = (pred: (c: any) => boolean) => complaints.filter(pred).length;
    expect(almaty.complaintIndicators).toMatchObject({
      from,
      to: today,
      filed: complaints.length,
      open: count((c) => c.isOpen),
      resolvedByState: count((c) => c.status === 'RESOLVED'),
      resolvedByCitizens: count((c) => c.status === 'RESOLVED_BY_CITIZENS'),
      rejected: count((c) => c.status === 'REJECTED'),
      duplicates: count((c) => c.status === 'DUPLICATE'),
      overdue: count((c) => c.isOverdue),
      resolvedWithinDeadline: count((c) => !!c.resolvedAt && kzDayOf(c.resolvedAt) <= c.dueOn),
    });
    expect(almaty.complaints.nodes.every((c: any) => c.territory.region.code === ALMATY)).toBe(true);
    expect(almaty.complaints.nodes.some((c: any) => c.responsibleTerritory.code === MEDEU)).toBe(true);
    expect(almaty.complaintTrend.map((m: any) => m.month)[0]).toBe('2026-01');
    expect(almaty.complaintTrend.reduce((sum: number, m: any) => sum + m.filed, 0)).toBe(complaints.length);

    // This month's ranking (demo help is dated in the month the system was seeded).
    const ranking = almaty.volunteerRanking;
    expect(ranking.periodStart).toBe(`${today.slice(0, 7)}-01`);
    expect(ranking.tieBreak).toBeTruthy();
    expect(ranking.entries.length).toBeGreaterThan(0);
    expect(ranking.entries.map((e: any) => e.rank)).toEqual(ranking.entries.map((_: unknown, i: number) => i + 1));
    const scores = ranking.entries.map((e: any) => e.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(ranking.entries.every((e: any) => e.volunteer && e.volunteer.id === e.candidate)).toBe(true);

    // Nobody is named: no subjects, no contacts.
    expect(JSON.stringify(almaty)).not.toMatch(/demo-(citizen|volunteer|akimat|patron|reviewer)|\+7 700/);
  });

  it('reflects a complaint filed and help confirmed through the gateway in the same dashboard', async () => {
    const today = kzToday();
    const monthFrom = `${today.slice(0, 7)}-01`;
    const before = await dashboard(monthFrom, today);

    // A citizen files a complaint with evidence issued by the upload endpoint's secret.
    const citizen = await testToken({ subject: 'e2e-dashboard-citizen', roles: ['citizen'] });
    const evidence = signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(`dashboard-${Date.now()}`).digest('hex'), 'photo');
    const filed = await gql(
      system.gatewayUrl,
      `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id status dueOn responsibleTerritory { code } } likelyDuplicates { id } } }`,
      { input: { topic: 'ROADS', text: 'Глубокая яма на перекрёстке у школы, машины бьют колёса.', territory: MEDEU, evidence: [evidence] } },
      citizen,
    );
    expect(filed.errors).toBeUndefined();
    expect(filed.data!.fileComplaint.complaint).toMatchObject({ status: 'SUBMITTED', responsibleTerritory: { code: MEDEU } });

    // A volunteer records help today; an officer of the city confirms it.
    const volunteer = await testToken({ subject: 'e2e-dashboard-volunteer', roles: ['volunteer'] });
    const registered = await gql(
      system.gatewayUrl,
      `mutation($input: VolunteerProfileInput!) { registerVolunteer(input: $input) { id } }`,
      {
        input: {
          helpKinds: ['PHYSICAL_HELP'],
          availableDays: ['SAT', 'SUN'],
          availableFrom: '09:00',
          availableTo: '17:00',
          territory: MEDEU,
          hasCar: false,
          contact: { name: 'E2E Volunteer', email: 'e2e-volunteer@example.kz' },
        },
      },
      volunteer,
    );
    expect(registered.errors).toBeUndefined();
    const volunteerId = registered.data!.registerVolunteer.id;
    const recorded = await gql(
      system.gatewayUrl,
      `mutation($input: RecordVolunteerHelpInput!) { recordVolunteerHelp(input: $input) { id status } }`,
      { input: { helpedOn: today, peopleHelped: 250, helpKind: 'PHYSICAL_HELP', territory: MEDEU } },
      volunteer,
    );
    expect(recorded.data!.recordVolunteerHelp.status).toBe('PENDING');
    const officer = await testToken({ subject: 'e2e-officer-almaty', roles: ['akimat_officer'], territory: ALMATY });
    const confirmed = await gql(
      system.gatewayUrl,
      `mutation($id: ID!) { confirmVolunteerHelp(id: $id) { status decidedByRole } }`,
      { id: recorded.data!.recordVolunteerHelp.id },
      officer,
    );
    expect(confirmed.data!.confirmVolunteerHelp).toEqual({ status: 'CONFIRMED', decidedByRole: 'AKIMAT_OFFICER' });

    const after = await dashboard(monthFrom, today);
    expect(after.complaints.totalCount).toBe(before.complaints.totalCount + 1);
    expect(after.complaintIndicators.filed).toBe(before.complaintIndicators.filed + 1);
    expect(after.complaintIndicators.open).toBe(before.complaintIndicators.open + 1);
    expect(after.complaintTrend.at(-1).filed).toBe(before.complaintTrend.at(-1).filed + 1);
    expect(after.volunteerRanking.entries[0]).toMatchObject({ rank: 1, score: 250, volunteer: { id: volunteerId, peopleHelped: 250, territory: { code: MEDEU } } });
    expect(after.volunteerRanking.entries).toHaveLength(before.volunteerRanking.entries.length + 1);
    expect(JSON.stringify(after)).not.toMatch(/e2e-dashboard-(citizen|volunteer)|e2e-officer|e2e-volunteer@/);
  });
});
