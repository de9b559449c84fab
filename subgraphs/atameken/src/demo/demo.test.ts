import { createLogger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph } from '@rz/test-support';
import { atameken } from '../subgraph';
import { DEMO_STAFFED_AKIMATS } from './akimat-officers.seed';
import { DEMO_COMPLAINTS } from './complaints.seed';
import { DEMO_INITIATIVE_DETAILS, DEMO_INITIATIVES } from './initiatives.seed';
import { DEMO_HELP, DEMO_VOLUNTEERS } from './volunteers.seed';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken, { seedDemo: true });
});
afterAll(() => subgraph?.close());

const COMPLAINT = `id topic text status isOpen isOverdue indicator dueOn resolvedAt evidenceCount territory { code region { code } } responsibleTerritory { code }
  duplicateOf { id } monument { id } history { from to byRole comment at }`;
const INITIATIVE = `id kind direction category estimate status statusReason title(lang: RU) titles { kk ru en } descriptions { kk ru en } territory { code region { code } } location { lat lon }`;

describe('demo data', () => {
  it('has the initiatives other subgraphs refer to, under their stable ids', async () => {
    const res = await gql(
      subgraph.url,
      `query($a: ID!, $b: ID!, $c: ID!) {
        a: initiative(id: $a) { title(lang: RU) territory { code } }
        b: initiative(id: $b) { title(lang: KK) territory { code region { code } } }
        c: initiative(id: $c) { status territory { region { code } } }
      }`,
      {
        a: stableId('initiative:almaty-park-medeu'),
        b: stableId('initiative:turkistan-school-library'),
        c: stableId('initiative:shymkent-sairam-cleanup'),
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.a).toEqual({ title: 'Благоустройство дворового сквера в Медеуском районе', territory: { code: '751710000' } });
    expect(res.data!.b.territory.region.code).toBe('610000000');
    expect(res.data!.c).toEqual({ status: 'IMPLEMENTED', territory: { region: { code: '790000000' } } });
  });

  it('covers every complaint status and several regions, with histories that end in the status', async () => {
    const res = await gql(subgraph.url, `{ complaints(first: 500) { totalCount nodes { ${COMPLAINT} } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.complaints.nodes;
    expect(nodes).toHaveLength(DEMO_COMPLAINTS.length);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(
      new Set(['SUBMITTED', 'ACCEPTED', 'IN_PROGRESS', 'RESOLVED', 'RESOLVED_BY_CITIZENS', 'REJECTED', 'DUPLICATE']),
    );
    for (const region of ['750000000', '610000000', '310000000', '790000000', '710000000']) {
      expect(nodes.some((n: any) => n.territory.region.code === region)).toBe(true);
    }
    for (const n of nodes) {
      expect(n.history[0]).toMatchObject({ from: null, to: 'SUBMITTED', byRole: 'CITIZEN' });
      expect(n.history.at(-1).to).toBe(n.status);
      if (n.status === 'REJECTED') expect(n.history.at(-1).comment).toBeTruthy();
    }
    expect(nodes.every((n: any) => n.evidenceCount >= 1)).toBe(true);
    expect(nodes.some((n: any) => n.isOverdue)).toBe(true);
    expect(nodes.some((n: any) => n.isOpen && !n.isOverdue)).toBe(true);
    expect(nodes.filter((n: any) => n.status === 'DUPLICATE').every((n: any) => n.duplicateOf?.id)).toBe(true);
    expect(nodes.filter((n: any) => ['RESOLVED', 'RESOLVED_BY_CITIZENS'].includes(n.status)).every((n: any) => n.resolvedAt === n.history.at(-1).at)).toBe(true);
    // A reopened complaint: resolved, reopened by its author, resolved again.
    expect(nodes.some((n: any) => n.history.some((h: any) => h.from === 'RESOLVED' && h.to === 'IN_PROGRESS' && h.byRole === 'CITIZEN'))).toBe(true);
    // Routed to the nearest staffed akimat: Medeu has its own officer, Bostandyq goes up to the city.
    const byId = new Map(nodes.map((n: any) => [n.id, n]));
    expect(byId.get(stableId('complaint:almaty-medeu-heating'))).toMatchObject({ responsibleTerritory: { code: '751710000' } });
    expect(byId.get(stableId('complaint:almaty-alatau-stray-dogs'))).toMatchObject({ responsibleTerritory: { code: '750000000' } });
    expect(byId.get(stableId('complaint:taraz-landfill-again'))).toMatchObject({ duplicateOf: { id: stableId('complaint:taraz-landfill') } });
    // Several regions each show more than one status.
    const statusesByRegion = new Map<string, Set<string>>();
    for (const n of nodes) statusesByRegion.set(n.territory.region.code, (statusesByRegion.get(n.territory.region.code) ?? new Set()).add(n.status));
    expect([...statusesByRegion.values()].filter((s) => s.size >= 3).length).toBeGreaterThanOrEqual(4);
    expect(byId.get(stableId('complaint:almaty-academy-facade'))).toMatchObject({ topic: 'MONUMENT_DAMAGE', monument: { id: stableId('monument:KZH049') } });
    expect(byId.get(stableId('complaint:turkistan-yasawi-fence'))).toMatchObject({ topic: 'MONUMENT_DAMAGE', monument: { id: stableId('monument:KZH001') } });
  });

  it('spreads initiatives over regions and statuses', async () => {
    const res = await gql(subgraph.url, `{ initiatives(first: 500) { nodes { ${INITIATIVE} } } }`);
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.initiatives.nodes;
    expect(nodes).toHaveLength(DEMO_INITIATIVES.length);
    expect(new Set(nodes.map((n: any) => n.status))).toEqual(new Set(['INITIATED', 'IN_PROGRESS', 'IMPLEMENTED', 'REJECTED', 'WITHDRAWN']));
    for (const region of ['750000000', '610000000', '310000000', '790000000', '710000000']) {
      expect(nodes.some((n: any) => n.territory.region.code === region)).toBe(true);
    }
  });

  it('funds, tracks, completes and rates initiatives', async () => {
    const res = await gql(
      subgraph.url,
      // Every demo initiative, in a page the subgraphs' list-row limit allows with three nested lists each.
      `{ initiatives(first: ${DEMO_INITIATIVES.length}) { nodes { id status estimate remaining pledged budgetAmount progress milestones { progress } implementation { peopleServed ngos volunteers { id } patrons { name } } rating { count average } } } }`,
    );
    expect(res.errors).toBeUndefined();
    const nodes = res.data!.initiatives.nodes;
    for (const n of nodes.filter((i: any) => ['IN_PROGRESS', 'IMPLEMENTED'].includes(i.status))) expect(n.remaining).toBe(0);
    expect(nodes.filter((i: any) => i.status === 'IMPLEMENTED').every((i: any) => i.implementation && i.progress === 100 && i.rating.count > 0)).toBe(true);
    expect(nodes.some((i: any) => i.status === 'IN_PROGRESS' && i.milestones.length > 0 && i.progress > 0)).toBe(true);
    expect(nodes.some((i: any) => i.status === 'INITIATED' && i.pledged > 0 && i.remaining > 0)).toBe(true);
    expect(nodes.some((i: any) => i.implementation?.volunteers.length > 0)).toBe(true);
  });

  it('has anonymous volunteers, help in every status, this month\'s ranking and awards', async () => {
    const res = await gql(
      subgraph.url,
      `{
        volunteers(first: 500) { totalCount nodes { id helpKinds territory { region { code } } peopleHelped positiveReviews awards { nomination } } }
        volunteerHelpRecords(first: 500) { nodes { status } }
        peopleInNeed(first: 500) { nodes { status needs } }
        thisMonth: zhomartRanking(nomination: MOST_ACTIVE_VOLUNTEER, territory: "750000000", period: MONTH) { entries { rank score volunteer { id } } }
        favourites: zhomartRanking(nomination: FAVOURITE_VOLUNTEER, period: YEAR) { entries { rank } }
        zhomartAwards(first: 50) { nodes { nomination nomineeName volunteer { id } territory { code } } }
      }`,
    );
    expect(res.errors).toBeUndefined();
    const d = res.data!;
    expect(d.volunteers.totalCount).toBe(DEMO_VOLUNTEERS.length);
    expect(new Set(d.volunteers.nodes.map((v: any) => v.territory.region.code)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(d.volunteerHelpRecords.nodes.map((h: any) => h.status))).toEqual(new Set(['PENDING', 'CONFIRMED', 'REJECTED']));
    expect(new Set(d.peopleInNeed.nodes.map((p: any) => p.status))).toEqual(new Set(['OPEN', 'CLOSED']));
    expect(d.thisMonth.entries.map((e: any) => [e.rank, e.score])).toEqual([
      [1, 6],
      [2, 4],
    ]);
    expect(d.favourites.entries.length).toBeGreaterThan(0);
    expect(d.zhomartAwards.nodes.map((a: any) => a.nomination).sort()).toEqual(['BEST_NGO', 'MOST_ACTIVE_VOLUNTEER']);
    expect(d.volunteers.nodes.some((v: any) => v.awards.length === 1)).toBe(true);
    expect(JSON.stringify(res)).not.toMatch(/demo-(volunteer|citizen|reviewer|project)|\+7 700|Ерлан|Раиса/);
  });

  it('is idempotent: seeding again writes nothing', async () => {
    const counts = () =>
      subgraph.db.query(
        `SELECT (SELECT count(*) FROM initiative)::int AS i, (SELECT count(*) FROM complaint)::int AS c, (SELECT count(*) FROM complaint_status_change)::int AS h,
                (SELECT count(*) FROM complaint_evidence)::int AS e, (SELECT count(*) FROM akimat_officer)::int AS o,
                (SELECT count(*) FROM initiative_pledge)::int AS p, (SELECT count(*) FROM volunteer)::int AS v,
                (SELECT count(*) FROM volunteer_help_record)::int AS hr, (SELECT count(*) FROM zhomart_award)::int AS a`,
      );
    const before = await counts();
    await atameken.seedDemo!(subgraph.db, createLogger('atameken-test', 'silent'));
    expect(await counts()).toEqual(before);
    expect(before[0]).toEqual({
      i: DEMO_INITIATIVES.length,
      c: DEMO_COMPLAINTS.length,
      h: DEMO_COMPLAINTS.reduce((sum, c) => sum + 1 + c.steps.length, 0),
      e: DEMO_COMPLAINTS.reduce((sum, c) => sum + (c.evidence?.length ?? 1), 0),
      o: DEMO_STAFFED_AKIMATS.length,
      p: Object.values(DEMO_INITIATIVE_DETAILS).reduce((sum, d) => sum + (d.pledges?.length ?? 0), 0),
      v: DEMO_VOLUNTEERS.length,
      hr: DEMO_HELP.length,
      a: 2,
    });
  });

  it('never publishes the demo authors or officers', async () => {
    const res = await gql(subgraph.url, `{ complaints(first: 500) { nodes { ${COMPLAINT} isMine } } initiatives(first: 500) { nodes { ${INITIATIVE} isMine } } }`);
    expect(res.errors).toBeUndefined();
    expect(JSON.stringify(res)).not.toMatch(/demo-(citizen|akimat|ngo|patron|volunteer)/);
  });
});
