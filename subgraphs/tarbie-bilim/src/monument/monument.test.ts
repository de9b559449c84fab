import { stableId, statementCounter } from '@rz/subgraph-runtime';
import { gql, startTestSubgraph, type TestSubgraph, testToken } from '@rz/test-support';
import { tarbieBilim } from '../subgraph';

let subgraph: TestSubgraph;
beforeAll(async () => {
  subgraph = await startTestSubgraph(tarbieBilim);
});
afterAll(() => subgraph?.close());

const editorToken = () => testToken({ roles: ['ministry_editor'], subprogramme: 'tarbie-bilim' });
const SAURAN = stableId('monument:KZH067');
const ARYSTAN_BAB = stableId('monument:KZH028');
const UNVISITED = stableId('monument:KZH063');

async function event(startsAt: string, endsAt: string, monuments: string[], path: string[] = []): Promise<string> {
  const token = await editorToken();
  const res = await gql(
    subgraph.url,
    `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
    {
      input: {
        kind: 'EXCURSION',
        baseProject: 'OLKETANU',
        title: { kk: 'Сауран қалашығына экскурсия' },
        startsAt,
        endsAt,
        territory: '610000000',
        organiser: 'Түркістан облысының білім басқармасы',
        monumentsVisited: monuments,
      },
    },
    token,
  );
  const id = res.data!.createEvent.id as string;
  for (const to of path) await gql(subgraph.url, `mutation($id: ID!, $to: EventStatus!) { changeEventStatus(id: $id, to: $to) { id } }`, { id, to }, token);
  return id;
}

const ENTITIES = `query($reps: [_Any!]!, $first: Int! = 10) { _entities(representations: $reps) { ... on Monument { id events(first: $first) { id startsAt } } } }`;
const reps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Monument', id }));

describe('Monument.events', () => {
  let later: string;
  let sooner: string;
  let running: string;
  beforeAll(async () => {
    later = await event('2091-05-01T04:00:00Z', '2091-05-01T12:00:00Z', [SAURAN, ARYSTAN_BAB], ['REGISTRATION_OPEN']);
    sooner = await event('2090-05-01T04:00:00Z', '2090-05-01T12:00:00Z', [SAURAN]);
    // Started long ago, still running: not over yet, so listed.
    running = await event('2020-01-01T04:00:00Z', '2095-01-01T12:00:00Z', [ARYSTAN_BAB], ['REGISTRATION_OPEN', 'ONGOING']);
    await event('2090-06-01T04:00:00Z', '2090-06-01T12:00:00Z', [SAURAN], ['CANCELLED']);
    await event('2090-07-01T04:00:00Z', '2090-07-01T12:00:00Z', [SAURAN], ['REGISTRATION_OPEN', 'ONGOING', 'COMPLETED']);
    await event('2021-05-01T04:00:00Z', '2021-05-01T12:00:00Z', [SAURAN]);
  });

  it('lists upcoming events visiting each monument, soonest first, leaving out ended, cancelled and completed ones', async () => {
    const res = await gql(subgraph.url, ENTITIES, { reps: reps(SAURAN, ARYSTAN_BAB, UNVISITED, 'not-a-uuid') });
    expect(res.errors).toBeUndefined();
    expect(res.data!._entities.map((m: { id: string; events: { id: string }[] }) => ({ id: m.id, events: m.events.map((e) => e.id) }))).toEqual([
      { id: SAURAN, events: [sooner, later] },
      { id: ARYSTAN_BAB, events: [running, later] },
      { id: UNVISITED, events: [] },
      { id: 'not-a-uuid', events: [] },
    ]);
  });

  it('limits the list with first, validating it', async () => {
    const one = await gql(subgraph.url, ENTITIES, { reps: reps(SAURAN), first: 1 });
    expect(one.data!._entities[0].events.map((e: { id: string }) => e.id)).toEqual([sooner]);
    const zero = await gql(subgraph.url, ENTITIES, { reps: reps(SAURAN), first: 0 });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('resolves a batch of monuments in a constant number of statements', async () => {
    const counter = statementCounter(subgraph.db);
    const count = async (ids: string[]) => {
      counter.reset();
      const res = await gql(subgraph.url, ENTITIES, { reps: reps(...ids) });
      expect(res.errors).toBeUndefined();
      return counter.count;
    };
    expect(await count([SAURAN])).toBe(await count([SAURAN, ARYSTAN_BAB, UNVISITED]));
  });

  it('returns monumentsVisited stubs that resolve back to Monument', async () => {
    const res = await gql(subgraph.url, `query($id: ID!) { event(id: $id) { monumentsVisited { id events { id } } } }`, { id: later });
    expect(res.data!.event.monumentsVisited).toEqual([
      { id: SAURAN, events: [{ id: sooner }, { id: later }] },
      { id: ARYSTAN_BAB, events: [{ id: running }, { id: later }] },
    ]);
  });
});
