import { kato } from '@rz/schema';
import { createLogger } from '@rz/service-kit';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';
import { clubDemoId, DEMO_CLUBS } from './clubs.seed';
import { seedDemo } from './demo.seed';
import { eventDemoId } from './events.seed';
import { DEMO_MATERIALS, materialDemoId } from './materials.seed';
import { DEMO_REGISTRATIONS, demoSubject } from './registrations.seed';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const regionOf = (code: string) => kato().region(code).code;

async function tableCounts(): Promise<Record<string, number>> {
  const tables = ['event', 'event_monument', 'event_registration', 'event_result', 'local_history_material', 'local_history_material_monument', 'local_history_club', 'local_history_club_members', 'school_enrolment'];
  const counts: Record<string, number> = {};
  for (const table of tables) counts[table] = (await subgraph.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  return counts;
}

describe('tarbie-bilim demo data', () => {
  it('covers every material kind across several regions', async () => {
    const res = await gql(subgraph.url, `{ localHistoryMaterials(first: 500) { nodes { id kind language territory { code } monuments { id } } } }`);
    const nodes = res.data!.localHistoryMaterials.nodes as { id: string; kind: string; language: string; territory: { code: string }; monuments: unknown[] }[];
    expect(nodes.map((n) => n.id).sort()).toEqual(DEMO_MATERIALS.map((m) => materialDemoId(m.key)).sort());
    expect(new Set(nodes.map((n) => n.kind)).size).toBe(6);
    expect(new Set(nodes.map((n) => n.language))).toEqual(new Set(['KK', 'RU', 'EN']));
    expect(new Set(nodes.map((n) => regionOf(n.territory.code))).size).toBeGreaterThanOrEqual(5);
    expect(nodes.filter((n) => n.monuments.length > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('has clubs in several regions with members by year', async () => {
    const res = await gql(subgraph.url, `{ localHistoryClubs(first: 500) { nodes { id territory { code } membersByYear { schoolYear members } } } }`);
    const nodes = res.data!.localHistoryClubs.nodes as { id: string; territory: { code: string }; membersByYear: { schoolYear: number }[] }[];
    expect(nodes.map((n) => n.id).sort()).toEqual(DEMO_CLUBS.map((c) => clubDemoId(c.key)).sort());
    expect(new Set(nodes.map((n) => regionOf(n.territory.code))).size).toBeGreaterThanOrEqual(5);
    expect(nodes.every((n) => n.membersByYear.length >= 1)).toBe(true);
  });

  it('keeps registration counters equal to the registrations, with a full event and a waiting list', async () => {
    const mismatched = await subgraph.db.query(`
      SELECT e.id FROM event e
       WHERE e.confirmed_count <> (SELECT count(*) FROM event_registration r WHERE r.event_id = e.id AND r.status = 'CONFIRMED')
          OR e.waiting_count <> (SELECT count(*) FROM event_registration r WHERE r.event_id = e.id AND r.status = 'WAITING')
          OR e.confirmed_count > coalesce(e.capacity, e.confirmed_count)`);
    expect(mismatched).toEqual([]);
    const pavlodar = await gql(subgraph.url, `query($id: ID!) { event(id: $id) { capacity waitingList registeredCount waitingListLength placesLeft } }`, {
      id: eventDemoId('pavlodar-vasiliev-museum-lesson'),
    });
    expect(pavlodar.data!.event).toEqual({ capacity: 6, waitingList: true, registeredCount: 6, waitingListLength: 2, placesLeft: 0 });
  });

  it('has results for the completed olympiad and competition, without people in public', async () => {
    for (const key of ['almaty-olketanu-olympiad', 'turkistan-olketanu-competition']) {
      const res = await gql(subgraph.url, `query($id: ID!) { event(id: $id) { status results { placing award registration { id } } } }`, { id: eventDemoId(key) });
      expect(res.data!.event.status).toBe('COMPLETED');
      expect(res.data!.event.results[0]).toMatchObject({ placing: 1, registration: null });
      expect(res.data!.event.results.length).toBeGreaterThanOrEqual(3);
    }
    const everything = await gql(
      subgraph.url,
      `{ events(first: 500) { nodes { id registeredCount waitingListLength myRegistration { id } results { placing award registration { id school } } } } }`,
    );
    expect(JSON.stringify(everything)).not.toContain('demo:');
  });

  it('lets a demo participant see their own registrations', async () => {
    const olympiad = DEMO_REGISTRATIONS.find((g) => g.event === 'almaty-olketanu-olympiad')!;
    const winner = olympiad.participants[olympiad.results![0].index].person;
    const token = await testToken({ roles: ['citizen'], subject: demoSubject(winner) });
    const res = await gql(subgraph.url, `{ myRegistrations { nodes { status event { id } result { placing } } } }`, {}, token);
    expect(res.data!.myRegistrations.nodes).toContainEqual({ status: 'CONFIRMED', event: { id: eventDemoId('almaty-olketanu-olympiad') }, result: { placing: 1 } });
  });

  it('gives non-empty indicators for Almaty in 2026-2027', async () => {
    const res = await gql(subgraph.url, `{ tarbieBilimIndicators(territory: "750000000", schoolYear: 2026) { clubs clubMembers events participants enrolledStudents participationShare } }`);
    expect(res.errors).toBeUndefined();
    const i = res.data!.tarbieBilimIndicators;
    expect(i.clubs).toBeGreaterThan(0);
    expect(i.events).toBeGreaterThan(0);
    expect(i.participants).toBeGreaterThan(0);
    expect(i.enrolledStudents).toBe(326_500);
    expect(i.participationShare).toBeGreaterThan(0);
  });

  it('adds nothing when seeded again', async () => {
    const before = await tableCounts();
    await seedDemo(subgraph.db, createLogger('tarbie-bilim', 'silent'));
    expect(await tableCounts()).toEqual(before);
  });
});
