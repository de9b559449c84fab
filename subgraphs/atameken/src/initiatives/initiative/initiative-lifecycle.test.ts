import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { kzDay } from '../../shared/kz-time';
import { atameken } from '../../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(atameken);
});
afterAll(() => subgraph?.close());

const ALMATY = '750000000';
const MEDEU = '751710000';
const ASTANA = '710000000';

const AUTHOR = 'author-subject-lifecycle-5e1';
const PRIVATE_PATRON = 'private-patron-subject-77a';
const author = () => testToken({ subject: AUTHOR, roles: ['citizen'] });
const patron = (subject = PRIVATE_PATRON) => testToken({ subject, roles: ['patron'] });
const officer = (territory = ALMATY, subject = 'officer-almaty') => testToken({ subject, roles: ['akimat_officer'], territory });
const admin = () => testToken({ subject: 'admin-1', roles: ['admin'] });

const DETAILS = `id status statusReason estimate budgetAmount budgetDecision pledged remaining pledgeCount progress startedAt implementedAt
  authorKind authorOrganisation responsibleTerritory { code }
  pledges { id amount organisation status isMine }
  milestones { id happenedOn progress title(lang: RU) titles { kk ru en } description(lang: RU) }
  implementation { implementedAt peopleServed result(lang: RU) results { kk ru en } patrons { name pledged } privatePatronCount privatePledged ngos volunteers { id } }
  rating { average count myScore }`;
const READ = `query($id: ID!) { initiative(id: $id) { ${DETAILS} } }`;
const PROPOSE = `mutation($input: ProposeInitiativeInput!) { proposeInitiative(input: $input) { ${DETAILS} } }`;
const STATUS = `mutation($id: ID!, $to: InitiativeStatus!, $reason: String) { changeInitiativeStatus(id: $id, to: $to, reason: $reason) { id status statusReason startedAt } }`;
const BUDGET = `mutation($id: ID!, $amount: Float!, $decision: String) { recordInitiativeBudget(id: $id, amount: $amount, decision: $decision) { id budgetAmount budgetDecision remaining } }`;
const PLEDGE = `mutation($input: PledgeToInitiativeInput!) { pledgeToInitiative(input: $input) { id amount organisation status isMine } }`;
const CANCEL = `mutation($id: ID!) { cancelInitiativePledge(id: $id) { id status } }`;
const MILESTONE = `mutation($input: AddInitiativeMilestoneInput!) { addInitiativeMilestone(input: $input) { id happenedOn progress title(lang: KK) } }`;
const COMPLETE = `mutation($input: CompleteInitiativeInput!) { completeInitiative(input: $input) { ${DETAILS} } }`;
const RATE = `mutation($id: ID!, $score: Int!) { rateInitiative(id: $id, score: $score) { id rating { average count myScore } } }`;

async function propose(overrides: Record<string, unknown> = {}, token?: string): Promise<any> {
  const input = {
    kind: 'INFRASTRUCTURE',
    direction: 'SPORT',
    category: 'A',
    title: { ru: 'Спортивная площадка во дворе' },
    territory: MEDEU,
    estimate: 1_000_000,
    ...overrides,
  };
  const res = await gql(subgraph.url, PROPOSE, { input }, token ?? (await author()));
  expect(res.errors).toBeUndefined();
  return res.data!.proposeInitiative;
}

async function ok(query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const res = await gql(subgraph.url, query, variables, token);
  expect(res.errors).toBeUndefined();
  return res.data;
}

const read = async (id: string, token?: string) => (await ok(READ, { id }, token)).initiative;

/** An initiative IN_PROGRESS, funded by the budget. */
async function started(): Promise<string> {
  const { id } = await propose();
  await ok(BUDGET, { id, amount: 1_000_000, decision: 'Решение акимата № 7' }, await officer());
  await ok(STATUS, { id, to: 'IN_PROGRESS' }, await officer());
  return id;
}

async function implemented(): Promise<string> {
  const id = await started();
  await ok(COMPLETE, { input: { initiative: id, result: { kk: 'Алаң салынды.' }, peopleServed: 300 } }, await officer());
  return id;
}

async function rejected(): Promise<string> {
  const { id } = await propose();
  await ok(STATUS, { id, to: 'REJECTED', reason: 'Участок занят.' }, await officer());
  return id;
}

async function withdrawn(): Promise<string> {
  const { id } = await propose();
  await ok(STATUS, { id, to: 'WITHDRAWN', reason: 'Передумали.' }, await author());
  return id;
}

const setups: Record<string, () => Promise<string>> = {
  INITIATED: async () => (await propose()).id,
  IN_PROGRESS: started,
  IMPLEMENTED: implemented,
  REJECTED: rejected,
  WITHDRAWN: withdrawn,
};

describe('initiative lifecycle', () => {
  it.each([
    ['IN_PROGRESS', 'WITHDRAWN'],
    ['IN_PROGRESS', 'REJECTED'],
    ['IN_PROGRESS', 'INITIATED'],
    ['IMPLEMENTED', 'IN_PROGRESS'],
    ['IMPLEMENTED', 'WITHDRAWN'],
    ['REJECTED', 'IN_PROGRESS'],
    ['REJECTED', 'INITIATED'],
    ['WITHDRAWN', 'INITIATED'],
    ['WITHDRAWN', 'IN_PROGRESS'],
  ])('refuses %s -> %s with INVALID_TRANSITION naming both, changing nothing', async (from, to) => {
    const id = await setups[from]();
    const before = await read(id);
    const token = to === 'WITHDRAWN' ? await author() : await officer();
    const res = await gql(subgraph.url, STATUS, { id, to, reason: 'Причина изменения.' }, token);
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to });
    expect(res.errors?.[0].message).toContain(from);
    expect(res.errors?.[0].message).toContain(to);
    expect(await read(id)).toEqual(before);
  });

  it('lets the author withdraw only before work starts', async () => {
    const id = await started();
    const res = await gql(subgraph.url, STATUS, { id, to: 'WITHDRAWN' }, await author());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from: 'IN_PROGRESS', to: 'WITHDRAWN' });
    expect((await read(await withdrawn())).status).toBe('WITHDRAWN');
  });

  it.each([['INITIATED'], ['REJECTED'], ['WITHDRAWN'], ['IMPLEMENTED']])('completes only from IN_PROGRESS: refuses from %s', async (from) => {
    const id = await setups[from]();
    const res = await gql(subgraph.url, COMPLETE, { input: { initiative: id, result: { ru: 'Готово.' }, peopleServed: 1 } }, await officer());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'INVALID_TRANSITION', from, to: 'IMPLEMENTED' });
  });

  it('reaches IMPLEMENTED only through completeInitiative, which records the result', async () => {
    const id = await started();
    const res = await gql(subgraph.url, STATUS, { id, to: 'IMPLEMENTED' }, await officer());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await read(id)).status).toBe('IN_PROGRESS');
  });
});

describe('covering the estimate before work starts', () => {
  it('refuses IN_PROGRESS until pledges and the budget cover the estimate, then records the start', async () => {
    const { id } = await propose({ estimate: 1_000_000 });
    const refuse = async (covered: number) => {
      const res = await gql(subgraph.url, STATUS, { id, to: 'IN_PROGRESS' }, await officer());
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', from: 'INITIATED', to: 'IN_PROGRESS', estimate: 1_000_000, covered });
    };
    await refuse(0);
    await ok(BUDGET, { id, amount: 400_000, decision: 'Решение № 12 от 01.11.2026' }, await officer());
    await refuse(400_000);
    await ok(PLEDGE, { input: { initiative: id, amount: 350_000 } }, await patron());
    await ok(PLEDGE, { input: { initiative: id, amount: 250_000, organisation: 'ТОО «Жарық»' } }, await patron('company-patron'));
    expect(await read(id)).toMatchObject({ pledged: 600_000, remaining: 0, pledgeCount: 2, budgetAmount: 400_000 });

    const before = Date.now();
    const start = await ok(STATUS, { id, to: 'IN_PROGRESS' }, await officer());
    expect(start.changeInitiativeStatus.status).toBe('IN_PROGRESS');
    expect(Date.parse(start.changeInitiativeStatus.startedAt)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('does not count cancelled pledges', async () => {
    const { id } = await propose({ estimate: 500_000 });
    const pledge = (await ok(PLEDGE, { input: { initiative: id, amount: 500_000 } }, await patron())).pledgeToInitiative;
    await ok(CANCEL, { id: pledge.id }, await patron());
    expect(await read(id)).toMatchObject({ pledged: 0, remaining: 500_000, pledgeCount: 0, pledges: [] });
    const res = await gql(subgraph.url, STATUS, { id, to: 'IN_PROGRESS' }, await officer());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', covered: 0 });
  });

  it('starts an initiative with a zero estimate at once', async () => {
    const { id } = await propose({ estimate: 0 });
    expect((await ok(STATUS, { id, to: 'IN_PROGRESS' }, await officer())).changeInitiativeStatus.status).toBe('IN_PROGRESS');
  });
});

describe('pledges', () => {
  it('shows pledged and remaining; names organisations, never private persons', async () => {
    const { id } = await propose({ estimate: 3_000_000 });
    const mine = (await ok(PLEDGE, { input: { initiative: id, amount: 1_000_000 } }, await patron())).pledgeToInitiative;
    expect(mine).toMatchObject({ amount: 1_000_000, organisation: null, status: 'ACTIVE', isMine: true });
    await ok(PLEDGE, { input: { initiative: id, amount: 500_000, organisation: '  ТОО «Алтын Дала»  ' } }, await patron('company-2'));
    const anonymous = await read(id);
    expect(anonymous).toMatchObject({ pledged: 1_500_000, remaining: 1_500_000, pledgeCount: 2 });
    expect(anonymous.pledges.map((p: any) => [p.amount, p.organisation, p.isMine])).toEqual([
      [1_000_000, null, false],
      [500_000, 'ТОО «Алтын Дала»', false],
    ]);
    expect((await read(id, await patron())).pledges.map((p: any) => p.isMine)).toEqual([true, false]);
    for (const token of [undefined, await patron(), await officer(), await admin()]) {
      expect(JSON.stringify(await gql(subgraph.url, READ, { id }, token))).not.toContain(PRIVATE_PATRON);
    }
  });

  it('refuses more than what remains, naming the remaining amount, writing nothing', async () => {
    const { id } = await propose({ estimate: 1_000_000 });
    await ok(BUDGET, { id, amount: 600_000, decision: 'Решение № 3' }, await officer());
    await ok(PLEDGE, { input: { initiative: id, amount: 300_000 } }, await patron());
    const res = await gql(subgraph.url, PLEDGE, { input: { initiative: id, amount: 100_001 } }, await patron());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.amount', remaining: 100_000 });
    expect((await read(id)).pledged).toBe(300_000);
  });

  it('takes the last tenge only once when two patrons pledge at the same time', async () => {
    const { id } = await propose({ estimate: 1_000_000 });
    const results = await Promise.all(
      Array.from({ length: 4 }, async (_, i) => gql(subgraph.url, PLEDGE, { input: { initiative: id, amount: 600_000 } }, await patron(`racer-${i}`))),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(1);
    expect(results.filter((r) => r.errors?.[0].extensions?.field === 'input.amount')).toHaveLength(3);
    expect(await read(id)).toMatchObject({ pledged: 600_000, remaining: 400_000 });
  });

  it.each([
    ['a zero amount', { amount: 0 }, 'input.amount'],
    ['a fractional amount', { amount: 10.5 }, 'input.amount'],
    ['a blank organisation', { amount: 10, organisation: '   ' }, 'input.organisation'],
  ])('rejects %s', async (_case, overrides, field) => {
    const { id } = await propose();
    const res = await gql(subgraph.url, PLEDGE, { input: { initiative: id, ...overrides } }, await patron());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it.each([['IN_PROGRESS'], ['IMPLEMENTED'], ['REJECTED'], ['WITHDRAWN']])('takes pledges only while INITIATED: refuses %s', async (status) => {
    const id = await setups[status]();
    const res = await gql(subgraph.url, PLEDGE, { input: { initiative: id, amount: 1 } }, await patron());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status });
  });

  it('lets only the patron cancel, and only before work starts', async () => {
    const { id } = await propose({ estimate: 1_000_000 });
    const pledge = (await ok(PLEDGE, { input: { initiative: id, amount: 1_000_000 } }, await patron())).pledgeToInitiative;
    expect((await gql(subgraph.url, CANCEL, { id: pledge.id }, await author())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await ok(STATUS, { id, to: 'IN_PROGRESS' }, await officer());
    expect((await gql(subgraph.url, CANCEL, { id: pledge.id }, await patron())).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'IN_PROGRESS' });
    expect((await gql(subgraph.url, CANCEL, { id: 'nope' }, await patron())).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    expect((await gql(subgraph.url, PLEDGE, { input: { initiative: 'nope', amount: 1 } }, await patron())).errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.initiative',
    });
  });
});

describe('budget decisions', () => {
  it('are recorded by an akimat officer of the territory, up to the estimate, with the decision named', async () => {
    const { id } = await propose({ estimate: 800_000 });
    for (const token of [await author(), await officer(ASTANA, 'officer-astana'), await patron()]) {
      expect((await gql(subgraph.url, BUDGET, { id, amount: 1, decision: 'x' }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await gql(subgraph.url, BUDGET, { id, amount: 800_001, decision: 'x' }, await officer())).errors?.[0].extensions).toMatchObject({ field: 'amount' });
    expect((await gql(subgraph.url, BUDGET, { id, amount: 5, decision: '  ' }, await officer())).errors?.[0].extensions).toMatchObject({ field: 'decision' });
    const set = await ok(BUDGET, { id, amount: 800_000, decision: 'Решение № 44' }, await officer(MEDEU, 'officer-medeu'));
    expect(set.recordInitiativeBudget).toMatchObject({ budgetAmount: 800_000, budgetDecision: 'Решение № 44', remaining: 0 });
    // The estimate cannot fall below what the budget covers.
    const lower = await gql(subgraph.url, `mutation($id: ID!) { updateInitiative(id: $id, input: { estimate: 700000 }) { id } }`, { id }, await author());
    expect(lower.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.estimate', budgetAmount: 800_000 });
    const cleared = await ok(BUDGET, { id, amount: 0 }, await officer());
    expect(cleared.recordInitiativeBudget).toMatchObject({ budgetAmount: 0, budgetDecision: null, remaining: 800_000 });
  });

  it('are refused once work started', async () => {
    const id = await started();
    expect((await gql(subgraph.url, BUDGET, { id, amount: 1, decision: 'x' }, await officer())).errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status: 'IN_PROGRESS' });
  });
});

describe('milestones and progress', () => {
  it('records dated steps while IN_PROGRESS, by the author or an officer, with progress that never goes down', async () => {
    const id = await started();
    const today = kzDay();
    await ok(MILESTONE, { input: { initiative: id, happenedOn: today, title: { kk: 'Жабын төселді' }, progress: 40 } }, await author());
    await ok(MILESTONE, { input: { initiative: id, happenedOn: today, title: { ru: 'Установлены тренажёры' }, description: { ru: 'Шесть тренажёров.' }, progress: 40 } }, await officer());
    expect(await read(id)).toMatchObject({
      progress: 40,
      milestones: [
        { happenedOn: today, progress: 40, title: 'Жабын төселді', titles: { kk: 'Жабын төселді', ru: null, en: null } },
        { happenedOn: today, progress: 40, title: 'Установлены тренажёры', description: 'Шесть тренажёров.' },
      ],
    });
    const down = await gql(subgraph.url, MILESTONE, { input: { initiative: id, happenedOn: today, title: { ru: 'Откат' }, progress: 39 } }, await officer());
    expect(down.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.progress', current: 40 });
    const future = await gql(subgraph.url, MILESTONE, { input: { initiative: id, happenedOn: '2099-01-01', title: { ru: 'Будущее' }, progress: 50 } }, await officer());
    expect(future.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.happenedOn' });
    const early = await gql(subgraph.url, MILESTONE, { input: { initiative: id, happenedOn: '2020-01-01', title: { ru: 'Давно' }, progress: 50 } }, await officer());
    expect(early.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.happenedOn' });
    const over = await gql(subgraph.url, MILESTONE, { input: { initiative: id, happenedOn: today, title: { ru: 'Сверх' }, progress: 101 } }, await officer());
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.progress' });
    for (const token of [await patron(), await officer(ASTANA, 'officer-astana')]) {
      const res = await gql(subgraph.url, MILESTONE, { input: { initiative: id, happenedOn: today, title: { ru: 'Чужой' }, progress: 60 } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await read(id)).milestones).toHaveLength(2);
  });

  it.each([['INITIATED'], ['IMPLEMENTED'], ['REJECTED'], ['WITHDRAWN']])('are refused while %s', async (status) => {
    const id = await setups[status]();
    const res = await gql(subgraph.url, MILESTONE, { input: { initiative: id, happenedOn: kzDay(), title: { ru: 'Шаг' }, progress: 10 } }, await officer());
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status });
  });
});

describe('the implementation record', () => {
  it('keeps the result, people served, NGOs, organisations that pledged and named patrons; private pledgers only as a count', async () => {
    const { id } = await propose({ estimate: 900_000 });
    await ok(PLEDGE, { input: { initiative: id, amount: 400_000, organisation: 'ТОО «Жарық»' } }, await patron('company-1'));
    await ok(PLEDGE, { input: { initiative: id, amount: 100_000, organisation: 'ТОО «Жарық»' } }, await patron('company-1'));
    await ok(PLEDGE, { input: { initiative: id, amount: 250_000 } }, await patron());
    await ok(PLEDGE, { input: { initiative: id, amount: 150_000 } }, await patron('another-private'));
    await ok(STATUS, { id, to: 'IN_PROGRESS' }, await officer());
    await ok(MILESTONE, { input: { initiative: id, happenedOn: kzDay(), title: { ru: 'Половина' }, progress: 50 } }, await officer());
    const done = await ok(
      COMPLETE,
      {
        input: {
          initiative: id,
          result: { ru: '  Построена площадка на 120 м².  ', kk: 'Алаң салынды.' },
          peopleServed: 450,
          ngos: ['ОФ «Жасыл Ел»', ' ОФ «Жасыл Ел» ', 'ҚБ «Ерікті»'],
          patrons: ['ИП «Самал»', 'ТОО «Жарық»'],
        },
      },
      await officer(MEDEU, 'officer-medeu'),
    );
    expect(done.completeInitiative).toMatchObject({
      status: 'IMPLEMENTED',
      progress: 100,
      implementation: {
        peopleServed: 450,
        result: 'Построена площадка на 120 м².',
        results: { kk: 'Алаң салынды.', ru: 'Построена площадка на 120 м².', en: null },
        patrons: [
          { name: 'ТОО «Жарық»', pledged: 500_000 },
          { name: 'ИП «Самал»', pledged: null },
        ],
        privatePatronCount: 2,
        privatePledged: 400_000,
        ngos: ['ОФ «Жасыл Ел»', 'ҚБ «Ерікті»'],
        volunteers: [],
      },
    });
    expect(done.completeInitiative.implementation.implementedAt).toBe(done.completeInitiative.implementedAt);
    expect(JSON.stringify(done)).not.toContain(PRIVATE_PATRON);
  });

  it('validates the record and who completes it, writing nothing', async () => {
    const id = await started();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ result: { ru: '   ' }, peopleServed: 1 }, 'BAD_USER_INPUT', 'input.result'],
      [{ result: { ru: 'Ok' }, peopleServed: -1 }, 'BAD_USER_INPUT', 'input.peopleServed'],
      [{ result: { ru: 'Ok' }, peopleServed: 1, ngos: ['  '] }, 'BAD_USER_INPUT', 'input.ngos.0'],
      [{ result: { ru: 'Ok' }, peopleServed: 1, volunteers: ['019b7a00-0000-7000-8000-00000000dead'] }, 'BAD_USER_INPUT', 'input.volunteers.0'],
      [{ result: { ru: 'Ok' }, peopleServed: 1, volunteers: ['nope'] }, 'BAD_USER_INPUT', 'input.volunteers.0'],
    ];
    for (const [input, code, field] of cases) {
      const res = await gql(subgraph.url, COMPLETE, { input: { initiative: id, ...input } }, await officer());
      expect(res.errors?.[0].extensions).toMatchObject({ code, field });
    }
    for (const token of [await author(), await officer(ASTANA, 'officer-astana')]) {
      const res = await gql(subgraph.url, COMPLETE, { input: { initiative: id, result: { ru: 'Ok' }, peopleServed: 1 } }, token);
      expect(res.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect(await read(id)).toMatchObject({ status: 'IN_PROGRESS', implementation: null });
  });
});

describe('ratings', () => {
  it('lets each citizen rate an implemented initiative once, a new score replacing the old', async () => {
    const id = await implemented();
    await ok(RATE, { id, score: 5 }, await testToken({ subject: 'rater-1', roles: ['citizen'] }));
    await ok(RATE, { id, score: 2 }, await testToken({ subject: 'rater-2', roles: ['citizen'] }));
    const again = await ok(RATE, { id, score: 4 }, await testToken({ subject: 'rater-2', roles: ['citizen'] }));
    expect(again.rateInitiative.rating).toEqual({ average: 4.5, count: 2, myScore: 4 });
    await ok(RATE, { id, score: 4 }, await testToken({ subject: 'rater-3', roles: ['citizen'] }));
    expect((await read(id)).rating).toEqual({ average: 4.33, count: 3, myScore: null });
    expect((await read(id, await testToken({ subject: 'rater-1', roles: ['citizen'] }))).rating.myScore).toBe(5);
  });

  it.each([['INITIATED'], ['IN_PROGRESS'], ['REJECTED'], ['WITHDRAWN']])('refuses ratings while %s', async (status) => {
    const id = await setups[status]();
    const res = await gql(subgraph.url, RATE, { id, score: 5 }, await testToken({ subject: 'rater-early', roles: ['citizen'] }));
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', status });
    expect((await read(id)).rating).toEqual({ average: null, count: 0, myScore: null });
  });

  it('refuses the author, anonymous callers and scores outside 1 to 5', async () => {
    const id = await implemented();
    expect((await gql(subgraph.url, RATE, { id, score: 5 }, await author())).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await gql(subgraph.url, RATE, { id, score: 5 })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const score of [0, 6]) {
      expect((await gql(subgraph.url, RATE, { id, score }, await patron())).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'score' });
    }
    expect((await read(id)).rating.count).toBe(0);
  });
});

describe('authors and akimats', () => {
  it('shows an NGO author by name, a citizen author by kind only, and routes to the nearest staffed akimat', async () => {
    const ngo = await testToken({ subject: 'ngo-subject-3f', roles: ['ngo'] });
    const byNgo = await propose({ organisation: 'ОФ «Жасыл Ел»' }, ngo);
    expect(byNgo).toMatchObject({ authorKind: 'NGO', authorOrganisation: 'ОФ «Жасыл Ел»', responsibleTerritory: { code: ALMATY } });
    const byCitizen = await propose();
    expect(byCitizen).toMatchObject({ authorKind: 'CITIZEN', authorOrganisation: null });
    const notNgo = await gql(subgraph.url, PROPOSE, { input: { kind: 'SOCIAL', direction: 'CULTURE', category: 'A', title: { ru: 'x' }, territory: MEDEU, estimate: 0, organisation: 'Фонд' } }, await author());
    expect(notNgo.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.organisation' });

    await ok(`mutation { assignAkimatOfficer(input: { officerSubject: "officer-medeu", territory: "${MEDEU}" }) { id } }`, {}, await admin());
    expect((await propose()).responsibleTerritory.code).toBe(MEDEU);
    const res = await gql(subgraph.url, `{ initiatives(filter: { responsibleTerritory: "${MEDEU}" }) { totalCount } }`);
    expect(res.data!.initiatives.totalCount).toBe(1);
    expect(JSON.stringify(await gql(subgraph.url, READ, { id: byNgo.id }))).not.toContain('ngo-subject-3f');
  });
});

describe('who may act, decided before the initiative\'s state', () => {
  const citizenNamed = (subject: string) => testToken({ subject, roles: ['citizen'] });
  const officialAccounts = async () => [
    await officer(),
    await testToken({ subject: 'po-almaty', roles: ['project_office'], territory: ALMATY }),
    await testToken({ subject: 'editor-atameken', roles: ['ministry_editor'], subprogramme: 'atameken' }),
    await admin(),
  ];
  const code = (res: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => res.errors?.[0].extensions?.code;

  it('refuses a status change the caller may never ask for with FORBIDDEN, whatever the state', async () => {
    const inProgress = await started();
    const gone = await withdrawn();
    // The author may only withdraw: starting is refused as FORBIDDEN even where the move itself is impossible.
    expect(code(await gql(subgraph.url, STATUS, { id: inProgress, to: 'IN_PROGRESS' }, await author()))).toBe('FORBIDDEN');
    expect(code(await gql(subgraph.url, STATUS, { id: gone, to: 'INITIATED' }, await author()))).toBe('FORBIDDEN');
    // Only the author (or an admin) withdraws; an officer hears FORBIDDEN, not that it is already withdrawn.
    expect(code(await gql(subgraph.url, STATUS, { id: gone, to: 'WITHDRAWN' }, await officer()))).toBe('FORBIDDEN');
    for (const token of [await officer(ASTANA, 'officer-astana'), await citizenNamed('bystander')]) {
      expect(code(await gql(subgraph.url, STATUS, { id: gone, to: 'IN_PROGRESS' }, token))).toBe('FORBIDDEN');
    }
    // Allowed callers then meet the lifecycle.
    expect(code(await gql(subgraph.url, STATUS, { id: gone, to: 'WITHDRAWN' }, await author()))).toBe('INVALID_TRANSITION');
    expect(code(await gql(subgraph.url, STATUS, { id: gone, to: 'WITHDRAWN' }, await admin()))).toBe('INVALID_TRANSITION');
    expect(code(await gql(subgraph.url, STATUS, { id: inProgress, to: 'INITIATED' }, await officer()))).toBe('INVALID_TRANSITION');
  });

  it('takes pledges from citizens, volunteers, patrons and NGOs only, and organisation pledges from patrons and NGOs', async () => {
    const { id } = await propose({ estimate: 1_000_000 });
    for (const token of await officialAccounts()) {
      expect(code(await gql(subgraph.url, PLEDGE, { input: { initiative: id, amount: 1 } }, token))).toBe('FORBIDDEN');
    }
    for (const token of [await citizenNamed('citizen-as-company'), await testToken({ subject: 'volunteer-as-company', roles: ['volunteer'] })]) {
      const res = await gql(subgraph.url, PLEDGE, { input: { initiative: id, amount: 1, organisation: 'ТОО «Чужое имя»' } }, token);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.organisation' });
    }
    expect(await read(id)).toMatchObject({ pledged: 0, pledgeCount: 0 });
    await ok(PLEDGE, { input: { initiative: id, amount: 10 } }, await citizenNamed('citizen-pledger'));
    await ok(PLEDGE, { input: { initiative: id, amount: 20 } }, await testToken({ subject: 'volunteer-pledger', roles: ['volunteer'] }));
    await ok(PLEDGE, { input: { initiative: id, amount: 30, organisation: 'ОФ «Жасыл Ел»' } }, await testToken({ subject: 'ngo-pledger', roles: ['ngo'] }));
    expect(await read(id)).toMatchObject({ pledged: 60, pledgeCount: 3 });
  });

  it('lets an admin void a pledge, and nobody else but the patron', async () => {
    const { id } = await propose({ estimate: 1_000_000 });
    const pledge = (await ok(PLEDGE, { input: { initiative: id, amount: 1_000_000 } }, await patron('bogus-pledger'))).pledgeToInitiative;
    for (const token of [await officer(), await patron()]) expect(code(await gql(subgraph.url, CANCEL, { id: pledge.id }, token))).toBe('FORBIDDEN');
    expect((await ok(CANCEL, { id: pledge.id }, await admin())).cancelInitiativePledge.status).toBe('CANCELLED');
    expect(await read(id)).toMatchObject({ pledged: 0, remaining: 1_000_000 });
  });

  it('lets residents rate, never official, NGO or admin accounts, and refuses the author before looking at the state', async () => {
    const id = await implemented();
    for (const token of [...(await officialAccounts()), await testToken({ subject: 'ngo-rater', roles: ['ngo'] })]) {
      expect(code(await gql(subgraph.url, RATE, { id, score: 5 }, token))).toBe('FORBIDDEN');
    }
    expect((await read(id)).rating.count).toBe(0);
    await ok(RATE, { id, score: 4 }, await testToken({ subject: 'volunteer-rater', roles: ['volunteer'] }));
    await ok(RATE, { id, score: 2 }, await patron('patron-rater'));
    expect((await read(id)).rating).toMatchObject({ average: 3, count: 2 });
    const { id: fresh } = await propose();
    expect(code(await gql(subgraph.url, RATE, { id: fresh, score: 5 }, await author()))).toBe('FORBIDDEN');
  });

  it('refuses a citizen proposing for an organisation before reading the rest of the proposal', async () => {
    const res = await gql(
      subgraph.url,
      PROPOSE,
      { input: { kind: 'SOCIAL', direction: 'CULTURE', category: 'A', title: { ru: '   ' }, territory: MEDEU, estimate: 0, organisation: '  ' } },
      await author(),
    );
    expect(res.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.organisation' });
  });
});
