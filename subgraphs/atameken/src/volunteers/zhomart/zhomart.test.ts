import { kato, TerritoryLevel } from '@rz/schema';
import { stableId } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { kzDay } from '../../shared/kz-time';
import { atameken } from '../../subgraph';

/** Rankings on a small explicit data set (October 2025), inserted straight into a fresh database. */
let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
  await seed();
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const BOSTANDYQ = '751410000';
const ASTANA = '710000000';

const V = (n: number) => stableId(`zhomart-test:volunteer:${n}`);
const I = (n: number) => stableId(`zhomart-test:initiative:${n}`);
const P = (key: string) => stableId(`zhomart-test:pledge:${key}`);
const PRIVATE_PATRON = 'private-patron-subject-zz9';

async function seed(): Promise<void> {
  const q = (sql: string, params: unknown[]) => subgraph.db.query(sql, params);
  const volunteers: [number, string, string][] = [
    [1, MEDEU, '2025-01-01'],
    [2, MEDEU, '2025-02-01'],
    [3, BOSTANDYQ, '2025-03-01'],
    [4, ASTANA, '2025-01-15'],
    [5, MEDEU, '2025-01-20'],
  ];
  for (const [n, territory, created] of volunteers) {
    await q(
      `INSERT INTO volunteer (id, subject, help_kinds, available_days, available_from, available_to, territory_code, has_car, contact_name, contact_email, created_at)
       VALUES ($1, $2, '{OTHER}', '{SAT}', '10:00', '12:00', $3, false, 'Имя', 'v@example.kz', $4)`,
      [V(n), `volunteer-subject-${n}`, territory, `${created}T10:00:00+05:00`],
    );
  }
  const help: [number, string, string, number, string][] = [
    [1, MEDEU, '2025-10-05', 5, 'CONFIRMED'],
    [1, MEDEU, '2025-10-20', 3, 'CONFIRMED'],
    [2, MEDEU, '2025-10-10', 8, 'CONFIRMED'],
    [3, BOSTANDYQ, '2025-10-12', 4, 'CONFIRMED'],
    [3, BOSTANDYQ, '2025-10-13', 4, 'CONFIRMED'],
    [5, MEDEU, '2025-10-25', 8, 'CONFIRMED'],
    [4, ASTANA, '2025-10-01', 50, 'CONFIRMED'],
    [3, BOSTANDYQ, '2025-10-14', 10, 'PENDING'],
    [2, MEDEU, '2025-10-15', 20, 'REJECTED'],
    [1, MEDEU, '2025-11-01', 100, 'CONFIRMED'],
    [1, MEDEU, '2025-09-30', 7, 'CONFIRMED'],
  ];
  for (const [index, [n, territory, day, people, status]] of help.entries()) {
    const decided = status !== 'PENDING';
    await q(
      `INSERT INTO volunteer_help_record (id, volunteer_id, helped_on, people_helped, territory_code, help_kind, status,
                                          decided_by_role, decided_by_subject, decided_at, decision_note)
       VALUES ($1, $2, $3, $4, $5, 'OTHER', $6, $7, $8, $9, $10)`,
      [
        stableId(`zhomart-test:help:${index}`),
        V(n),
        day,
        people,
        territory,
        status,
        decided ? 'AKIMAT_OFFICER' : null,
        decided ? 'officer' : null,
        decided ? `${day}T18:00:00+05:00` : null,
        status === 'REJECTED' ? 'Не подтверждено' : null,
      ],
    );
  }
  const reviews: [number, boolean, string][] = [
    [1, true, '2025-10-03T10:00:00+05:00'],
    [1, true, '2025-10-25T10:00:00+05:00'],
    [1, false, '2025-10-26T10:00:00+05:00'],
    [2, true, '2025-10-04T10:00:00+05:00'],
    [2, true, '2025-10-05T10:00:00+05:00'],
    [3, true, '2025-10-06T10:00:00+05:00'],
    // 23:30 on 31 October in Kazakhstan: October.
    [3, true, '2025-10-31T23:30:00+05:00'],
    // 00:30 on 1 November in Kazakhstan (still 31 October in UTC): not October.
    [3, true, '2025-11-01T00:30:00+05:00'],
    [5, false, '2025-10-07T10:00:00+05:00'],
  ];
  for (const [index, [n, positive, at]] of reviews.entries()) {
    await q(`INSERT INTO volunteer_review (id, volunteer_id, author_subject, positive, text, created_at) VALUES ($1, $2, $3, $4, 'Отзыв', $5)`, [
      stableId(`zhomart-test:review:${index}`),
      V(n),
      `reviewer-${index}`,
      positive,
      at,
    ]);
  }
  const initiatives: [number, string, string, string | null][] = [
    [1, MEDEU, 'IMPLEMENTED', '2025-10-10T12:00:00+05:00'],
    [2, BOSTANDYQ, 'IMPLEMENTED', '2025-10-20T12:00:00+05:00'],
    [3, MEDEU, 'IN_PROGRESS', null],
    [4, MEDEU, 'IMPLEMENTED', '2025-11-02T12:00:00+05:00'],
    [5, MEDEU, 'IMPLEMENTED', '2025-10-15T12:00:00+05:00'],
  ];
  for (const [n, territory, status, implementedAt] of initiatives) {
    const done = status === 'IMPLEMENTED';
    await q(
      `INSERT INTO initiative (id, kind, direction, category, title_ru, territory_code, estimate, status, author_subject, responsible_territory_code,
                               progress, started_at, implemented_at, result_ru, people_served, created_at)
       VALUES ($1, 'SOCIAL', 'CULTURE', 'A', 'Инициатива', $2, 10000000, $3, 'author', $2, $4, '2025-09-10T10:00:00+05:00', $5, $6, $7, '2025-08-01T10:00:00+05:00')`,
      [I(n), territory, status, done ? 100 : 10, implementedAt, done ? 'Сделано' : null, done ? 10 : null],
    );
  }
  const pledges: [string, number, string, string | null, number, string, string][] = [
    ['alpha-1', 1, 'patron-alpha', 'ТОО «Альфа»', 300_000, '2025-09-01T10:00:00+05:00', 'ACTIVE'],
    ['private-1', 1, PRIVATE_PATRON, null, 200_000, '2025-09-02T10:00:00+05:00', 'ACTIVE'],
    ['private-2', 2, PRIVATE_PATRON, null, 100_000, '2025-09-03T10:00:00+05:00', 'ACTIVE'],
    ['beta-1', 2, 'patron-beta', 'ТОО «Бета»', 300_000, '2025-09-05T10:00:00+05:00', 'ACTIVE'],
    ['beta-2', 3, 'patron-beta', 'ТОО «Бета»', 1_000_000, '2025-09-06T10:00:00+05:00', 'ACTIVE'],
    ['alpha-2', 4, 'patron-alpha', 'ТОО «Альфа»', 999, '2025-09-07T10:00:00+05:00', 'ACTIVE'],
    ['gamma-1', 5, 'patron-gamma', 'ТОО «Гамма»', 5_000_000, '2025-09-08T10:00:00+05:00', 'CANCELLED'],
  ];
  for (const [key, n, subject, organisation, amount, at, status] of pledges) {
    await q(
      `INSERT INTO initiative_pledge (id, initiative_id, pledger_subject, organisation, amount, status, created_at, cancelled_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [P(key), I(n), subject, organisation, amount, status, at, status === 'CANCELLED' ? at : null],
    );
  }
}

const RANKING = `query($nomination: ZhomartNomination!, $territory: ID, $period: ZhomartPeriodKind!, $day: String, $first: Int) {
  zhomartRanking(nomination: $nomination, territory: $territory, period: $period, day: $day, first: $first) {
    nomination periodKind periodStart periodEnd tieBreak
    entries { rank score candidate patronName volunteer { id } }
  }
}`;

async function ranking(variables: Record<string, unknown>) {
  const res = await gql(subgraph.url, RANKING, { period: 'MONTH', day: '2025-10-17', ...variables });
  expect(res.errors).toBeUndefined();
  return res.data!.zhomartRanking;
}

const order = (r: any) => r.entries.map((e: any) => [e.rank, e.score, e.volunteer?.id ?? e.patronName ?? e.candidate]);

describe('Zhomart Zhurek rankings', () => {
  it('ranks the most active volunteers by people helped in confirmed records given in the scope during the period', async () => {
    const almaty = await ranking({ nomination: 'MOST_ACTIVE_VOLUNTEER', territory: ALMATY });
    expect(almaty).toMatchObject({ nomination: 'MOST_ACTIVE_VOLUNTEER', periodKind: 'MONTH', periodStart: '2025-10-01', periodEnd: '2025-10-31' });
    expect(almaty.tieBreak).toMatch(/more confirmed help records.*registered earlier/);
    // All four helped 8 people: two records before one, then earlier registration.
    expect(order(almaty)).toEqual([
      [1, 8, V(1)],
      [2, 8, V(3)],
      [3, 8, V(5)],
      [4, 8, V(2)],
    ]);
    expect(order(await ranking({ nomination: 'MOST_ACTIVE_VOLUNTEER', territory: MEDEU }))).toEqual([
      [1, 8, V(1)],
      [2, 8, V(5)],
      [3, 8, V(2)],
    ]);
    expect(order(await ranking({ nomination: 'MOST_ACTIVE_VOLUNTEER' }))[0]).toEqual([1, 50, V(4)]);
    expect(order(await ranking({ nomination: 'MOST_ACTIVE_VOLUNTEER', territory: ALMATY, period: 'QUARTER' }))).toEqual([
      [1, 108, V(1)],
      [2, 8, V(3)],
      [3, 8, V(5)],
      [4, 8, V(2)],
    ]);
    expect(order(await ranking({ nomination: 'MOST_ACTIVE_VOLUNTEER', territory: ALMATY, first: 2 }))).toHaveLength(2);
  });

  it('ranks favourite volunteers by positive reviews written during the period (Kazakhstan days)', async () => {
    const almaty = await ranking({ nomination: 'FAVOURITE_VOLUNTEER', territory: ALMATY });
    // Two positive each: fewer negatives first, then earlier registration; only negatives: not ranked.
    expect(order(almaty)).toEqual([
      [1, 2, V(2)],
      [2, 2, V(3)],
      [3, 2, V(1)],
    ]);
    expect(almaty.tieBreak).toMatch(/fewer negative reviews/);
  });

  it('ranks patrons by tenge pledged on initiatives of the scope implemented during the period, never naming private persons', async () => {
    const res = await gql(subgraph.url, RANKING, { nomination: 'BEST_PATRON', territory: ALMATY, period: 'MONTH', day: '2025-10-01' });
    expect(res.errors).toBeUndefined();
    const { entries } = res.data!.zhomartRanking;
    // 300 000 each: two initiatives before one, then the earlier first pledge.
    expect(entries).toEqual([
      { rank: 1, score: 300_000, candidate: P('private-1'), patronName: null, volunteer: null },
      { rank: 2, score: 300_000, candidate: P('alpha-1'), patronName: 'ТОО «Альфа»', volunteer: null },
      { rank: 3, score: 300_000, candidate: P('beta-1'), patronName: 'ТОО «Бета»', volunteer: null },
    ]);
    expect(JSON.stringify(res)).not.toContain(PRIVATE_PATRON);
    const medeu = await ranking({ nomination: 'BEST_PATRON', territory: MEDEU });
    expect(medeu.entries.map((e: any) => [e.score, e.patronName])).toEqual([
      [300_000, 'ТОО «Альфа»'],
      [200_000, null],
    ]);
  });

  it('offers the ranking on Territory for the current period by default', async () => {
    const res = await gql(subgraph.url, `{ territory(code: "${ALMATY}") { zhomartRanking(nomination: MOST_ACTIVE_VOLUNTEER, period: MONTH) { periodStart periodEnd entries { rank } } } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data!.territory.zhomartRanking.periodStart).toBe(`${kzDay().slice(0, 7)}-01`);
    expect(res.data!.territory.zhomartRanking.entries).toEqual([]);
  });

  it('refuses committee-named nominations, scopes below a district and malformed days', async () => {
    const village = kato().subtreeCodes(MEDEU).map((c) => kato().find(c)!).find((t) => t.level !== TerritoryLevel.DISTRICT)?.code
      ?? kato().subtreeCodes('315400000').map((c) => kato().find(c)!).find((t) => t.level === TerritoryLevel.SETTLEMENT)!.code;
    const cases: [Record<string, unknown>, string][] = [
      [{ nomination: 'HONORARY_CITIZEN', territory: ALMATY }, 'nomination'],
      [{ nomination: 'MOST_ACTIVE_VOLUNTEER', territory: village }, 'territory'],
      [{ nomination: 'MOST_ACTIVE_VOLUNTEER', territory: '999999999' }, 'territory'],
      [{ nomination: 'MOST_ACTIVE_VOLUNTEER', day: '2025-13-01' }, 'day'],
      [{ nomination: 'MOST_ACTIVE_VOLUNTEER', first: 101 }, 'first'],
    ];
    for (const [variables, field] of cases) {
      const res = await gql(subgraph.url, RANKING, { period: 'MONTH', day: '2025-10-17', ...variables });
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });
});

describe('confirming winners', () => {
  const CONFIRM = `mutation($input: ConfirmZhomartWinnerInput!) {
    confirmZhomartWinner(input: $input) { id nomination periodKind periodStart periodEnd rank score nomineeName citation patronName volunteer { id } territory { code } }
  }`;
  const projectOffice = (territory = ALMATY) => testToken({ subject: `po-${territory}`, roles: ['project_office'], territory });
  const admin = () => testToken({ subject: 'admin-committee', roles: ['admin'] });
  const base = { nomination: 'MOST_ACTIVE_VOLUNTEER', territory: ALMATY, period: 'MONTH', day: '2025-10-17' };
  const awards = async () => (await subgraph.db.query(`SELECT count(*)::int AS n FROM zhomart_award`))[0].n;

  it('lets the project office of the region confirm a ranked candidate, keeping rank and score; one winner per period', async () => {
    const res = await gql(subgraph.url, CONFIRM, { input: { ...base, candidate: V(3), citation: '  За субботники в Бостандыкском районе.  ' } }, await projectOffice());
    expect(res.errors).toBeUndefined();
    expect(res.data!.confirmZhomartWinner).toMatchObject({
      nomination: 'MOST_ACTIVE_VOLUNTEER',
      periodKind: 'MONTH',
      periodStart: '2025-10-01',
      periodEnd: '2025-10-31',
      rank: 2,
      score: 8,
      nomineeName: null,
      citation: 'За субботники в Бостандыкском районе.',
      volunteer: { id: V(3) },
      territory: { code: ALMATY },
    });
    const again = await gql(subgraph.url, CONFIRM, { input: { ...base, candidate: V(1) } }, await admin());
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.nomination' });

    const listed = await gql(subgraph.url, `{ zhomartAwards(filter: { territory: "${ALMATY}", year: 2025 }) { totalCount nodes { nomination volunteer { id awards { id } } } } }`);
    expect(listed.data!.zhomartAwards.nodes).toEqual([{ nomination: 'MOST_ACTIVE_VOLUNTEER', volunteer: { id: V(3), awards: [{ id: res.data!.confirmZhomartWinner.id }] } }]);
  });

  it('refuses others than the committee, candidates not ranked, and periods not over, writing nothing', async () => {
    const before = await awards();
    const outsiders = [
      await projectOffice(ASTANA),
      await projectOffice(MEDEU), // a district office is not the region's
      await testToken({ subject: 'officer', roles: ['akimat_officer'], territory: ALMATY }),
      await testToken({ subject: 'citizen', roles: ['citizen'] }),
    ];
    for (const token of outsiders) {
      const res = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'FAVOURITE_VOLUNTEER', candidate: V(2) } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const republic = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'FAVOURITE_VOLUNTEER', territory: null, candidate: V(2) } }, await projectOffice());
    expect(republic.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const notRanked = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'FAVOURITE_VOLUNTEER', candidate: V(5) } }, await projectOffice());
    expect(notRanked.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.candidate' });
    const current = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'FAVOURITE_VOLUNTEER', day: kzDay(), candidate: V(2) } }, await admin());
    expect(current.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.day' });
    const missing = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'FAVOURITE_VOLUNTEER' } }, await admin());
    expect(missing.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.candidate' });
    expect(await awards()).toBe(before);
  });

  it('records a private best patron without naming them, and committee-named nominations by name', async () => {
    const patron = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'BEST_PATRON', candidate: P('private-1') } }, await admin());
    expect(patron.errors).toBeUndefined();
    expect(patron.data!.confirmZhomartWinner).toMatchObject({ rank: 1, score: 300_000, patronName: null, volunteer: null });
    expect(JSON.stringify(patron)).not.toContain(PRIVATE_PATRON);
    const [{ patron_subject }] = await subgraph.db.query(`SELECT patron_subject FROM zhomart_award WHERE id = $1`, [patron.data!.confirmZhomartWinner.id]);
    expect(patron_subject).toBe(PRIVATE_PATRON);

    const ngo = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'BEST_NGO', period: 'YEAR', day: '2025-06-01', nomineeName: 'ОФ «Жасыл Ел»' } }, await projectOffice());
    expect(ngo.data!.confirmZhomartWinner).toMatchObject({ nomination: 'BEST_NGO', periodStart: '2025-01-01', periodEnd: '2025-12-31', nomineeName: 'ОФ «Жасыл Ел»', rank: null, score: null });
    const noName = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'INVESTOR' } }, await admin());
    expect(noName.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.nomineeName' });
    const withCandidate = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'INVESTOR', nomineeName: 'ТОО «Инвест»', candidate: V(1) } }, await admin());
    expect(withCandidate.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.candidate' });
    const republic = await gql(subgraph.url, CONFIRM, { input: { ...base, nomination: 'HONORARY_CITIZEN', territory: null, period: 'YEAR', nomineeName: 'Айша Бибі' } }, await admin());
    expect(republic.data!.confirmZhomartWinner).toMatchObject({ territory: null, nomineeName: 'Айша Бибі' });
  });
});
