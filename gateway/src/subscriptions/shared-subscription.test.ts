import type { GraphQLDataSource } from '@apollo/gateway';
import { createLogger } from '@rz/service-kit';
import { parse, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import type { Client, Sink, SubscribePayload } from 'graphql-ws';
import { TEST_SUPERGRAPH } from '../testing/test-supergraph';
import { FAN_OUT_SLICE, SharedSubscriptions, SlowConsumerError, UpstreamError, type DownstreamRequest } from './shared-subscription';
import { RESUME_VARIABLE, SubscriptionPlanner } from './subscription-planner';
import type { UpstreamSource } from './upstream-clients';

/** One upstream subscription the gateway opened: the test plays the subgraph through its sink. */
interface UpstreamSubscription {
  url: string;
  authorization: string | undefined;
  payload: SubscribePayload;
  sink: Sink<FormattedExecutionResult<Record<string, unknown>, unknown>>;
  disposed: boolean;
}

/** The upstream side in process: records each subscription instead of opening a WebSocket to a subgraph. */
class FakeUpstream implements UpstreamSource {
  readonly subscriptions: UpstreamSubscription[] = [];

  get open(): UpstreamSubscription[] {
    return this.subscriptions.filter((s) => !s.disposed);
  }

  get(url: string, authorization: string | undefined): Pick<Client, 'subscribe'> {
    return {
      subscribe: (payload: SubscribePayload, sink: Sink<never>) => {
        const subscription: UpstreamSubscription = { url, authorization, payload, sink, disposed: false };
        this.subscriptions.push(subscription);
        return () => {
          subscription.disposed = true;
        };
      },
    } as Pick<Client, 'subscribe'>;
  }
}

const TICK = 'subscription($label: String, $after: String) { tick(label: $label, after: $after) { count thing { name } } }';
const PING = 'subscription { ping { at } }';
const URLS = { events: 'http://events.test/graphql', names: 'http://names.test/graphql' };

/** An event as the `events` subgraph sends it for TICK: the primary fetch asks for the thing's key and the cursor. */
const tick = (count: number, cursor = String(count)) => ({ data: { tick: { count, thing: { __typename: 'Thing', id: `t${count}` }, cursor } } });

async function until(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Reads a downstream subscriber into `received` until it ends; `ended` holds how (done, or the error). */
function reader(events: AsyncIterableIterator<ExecutionResult>) {
  const state = { received: [] as ExecutionResult[], ended: undefined as undefined | { done: true } | { error: unknown } };
  void (async () => {
    try {
      for await (const result of events) state.received.push(result);
      state.ended = { done: true };
    } catch (error) {
      state.ended = { error };
    }
  })();
  return state;
}

describe('shared subscriptions', () => {
  let upstream: FakeUpstream;
  let entityFetches: number;
  let shared: SharedSubscriptions;
  const names: GraphQLDataSource = {
    process: async ({ request }) => {
      entityFetches += 1;
      const representations = (request.variables?.representations ?? []) as { id: string }[];
      return { data: { _entities: representations.map((r) => ({ name: `Thing ${r.id}` })) } };
    },
  };
  const events: GraphQLDataSource = {
    process: async () => {
      throw new Error('the primary fetch is answered by the upstream event, never fetched');
    },
  };
  /** In these tests `Ping.at` is what depends on the viewer; `tick` is public. */
  const deps = () => ({
    planner: new SubscriptionPlanner(TEST_SUPERGRAPH, new Set(['Ping.at'])),
    upstream,
    dataSources: { events, names },
    subgraphUrls: URLS,
    logger: createLogger('test', 'silent'),
  });
  const request = (query: string, variables: Record<string, unknown> = {}, authorization?: string): DownstreamRequest => ({
    document: parse(query),
    variables,
    authorization,
  });

  beforeEach(() => {
    upstream = new FakeUpstream();
    entityFetches = 0;
    shared = new SharedSubscriptions(deps());
  });

  it('gives identical subscriptions one upstream subscription; other variables get their own', async () => {
    const a = reader(shared.subscribe(request(TICK, { label: 'a' })));
    const b = reader(shared.subscribe(request(TICK, { label: 'a' })));
    await until(() => shared.stats().downstream === 2);
    expect(upstream.open).toHaveLength(1);
    expect(upstream.open[0]).toMatchObject({ url: URLS.events, authorization: undefined });

    reader(shared.subscribe(request(TICK, { label: 'b' })));
    await until(() => shared.stats().downstream === 3);
    expect(upstream.open).toHaveLength(2);
    expect(shared.stats()).toEqual({ upstream: 2, downstream: 3, replays: 0 });
    expect([a.ended, b.ended]).toEqual([undefined, undefined]);
  });

  it('shares a public selection across viewers and runs it anonymously; a per-viewer one is keyed and run with each token', async () => {
    reader(shared.subscribe(request(TICK, {}, 'Bearer officer')));
    reader(shared.subscribe(request(TICK, {}, 'Bearer citizen')));
    reader(shared.subscribe(request(TICK)));
    await until(() => shared.stats().downstream === 3);
    expect(upstream.open.map((s) => s.authorization)).toEqual([undefined]);

    reader(shared.subscribe(request(PING, {}, 'Bearer officer')));
    reader(shared.subscribe(request(PING, {}, 'Bearer citizen')));
    reader(shared.subscribe(request(`subscription { ... on Subscription { ping { ...At } } } fragment At on Ping { at }`, {}, 'Bearer citizen')));
    await until(() => shared.stats().downstream === 6);
    // Fragments are looked into: the third is per-viewer too (its own group: another document).
    expect(upstream.open.map((s) => s.authorization)).toEqual([undefined, 'Bearer officer', 'Bearer citizen', 'Bearer citizen']);
  });

  it('completes each event once through the query plan and fans it out to every subscriber, in upstream order', async () => {
    const a = reader(shared.subscribe(request(TICK)));
    const b = reader(shared.subscribe(request(TICK)));
    await until(() => upstream.open.length === 1 && shared.stats().downstream === 2);
    upstream.open[0].sink.next(tick(1));
    upstream.open[0].sink.next(tick(2));
    await until(() => a.received.length === 2 && b.received.length === 2);
    const expected = [
      { data: { tick: { count: 1, thing: { name: 'Thing t1' } } } },
      { data: { tick: { count: 2, thing: { name: 'Thing t2' } } } },
    ];
    expect(a.received).toEqual(expected);
    expect(b.received).toEqual(expected);
    // One entity fetch to `names` per event, not per subscriber.
    expect(entityFetches).toBe(2);
  });

  it('lets the event loop turn during a fan-out to thousands, and still gives every subscriber every event in order', async () => {
    // Counts turns of the event loop while the test runs.
    let turns = 0;
    let ticking = true;
    const turn = () => {
      turns += 1;
      if (ticking) setImmediate(turn);
    };
    setImmediate(turn);
    const count = FAN_OUT_SLICE * 2 + 1;
    const written = Array.from({ length: count }, () => [] as { count: number; turn: number }[]);
    const readers = written.map((log) =>
      reader(
        shared.subscribe(request(TICK), {
          write: (result) => {
            log.push({ count: (result.data as { tick: { count: number } }).tick.count, turn: turns });
            return true;
          },
        }),
      ),
    );
    await until(() => upstream.open.length === 1 && shared.stats().downstream === count);
    upstream.open[0].sink.next(tick(1));
    upstream.open[0].sink.next(tick(2));
    await until(() => written.every((log) => log.length === 2));
    ticking = false;
    expect(written.every((log) => log[0].count === 1 && log[1].count === 2)).toBe(true);
    // The first and the last subscriber got the same event in different turns of the loop.
    expect(written[count - 1][0].turn).toBeGreaterThan(written[0][0].turn);
    expect(readers.every((r) => r.ended === undefined)).toBe(true);
  });

  it('hands events completed during a fan-out to each subscriber together, in one batch and in order', async () => {
    const count = FAN_OUT_SLICE * 2 + 1;
    const written = Array.from({ length: count }, () => [] as number[]);
    /** Per subscriber, the events each batch held (a batch of one needs no batching). */
    const batches = Array.from({ length: count }, () => [] as number[][]);
    written.forEach((log, i) =>
      reader(
        shared.subscribe(request(TICK), {
          write: (result) => {
            log.push((result.data as { tick: { count: number } }).tick.count);
            return true;
          },
          batch: (writes) => {
            const before = log.length;
            writes();
            batches[i].push(log.slice(before));
          },
        }),
      ),
    );
    await until(() => upstream.open.length === 1 && shared.stats().downstream === count);
    // The first event's fan-out yields after FAN_OUT_SLICE subscribers; the next two complete meanwhile.
    upstream.open[0].sink.next(tick(1));
    upstream.open[0].sink.next(tick(2));
    upstream.open[0].sink.next(tick(3));
    await until(() => written.every((log) => log.length === 3));
    expect(written.every((log) => log.join() === '1,2,3')).toBe(true);
    // Every subscriber got 2 and 3 in one batch (the event before them went out alone).
    expect(batches.every((b) => b.length === 1 && b[0].join() === '2,3')).toBe(true);
  });

  it('cuts off a subscriber that stops reading, and goes on for the others', async () => {
    shared = new SharedSubscriptions(deps(), 2);
    const fast = reader(shared.subscribe(request(TICK)));
    let cutOff = 0;
    const slow = shared.subscribe(request(TICK), { onSlowConsumer: () => (cutOff += 1) });
    const first = slow.next(); // subscribes, then reads no further
    await until(() => shared.stats().downstream === 2);
    for (let count = 1; count <= 5; count += 1) {
      upstream.open[0].sink.next(tick(count));
      await until(() => fast.received.length === count);
    }
    expect(cutOff).toBe(1);
    expect(shared.stats()).toEqual({ upstream: 1, downstream: 1, replays: 0 });
    expect(upstream.open).toHaveLength(1);
    // What the slow one had buffered (the first event and two more) is still its to read, then the disconnection.
    expect((await first).value).toMatchObject({ data: { tick: { count: 1 } } });
    expect((await slow.next()).value).toMatchObject({ data: { tick: { count: 2 } } });
    expect((await slow.next()).value).toMatchObject({ data: { tick: { count: 3 } } });
    await expect(slow.next()).rejects.toBeInstanceOf(SlowConsumerError);
    expect(fast.received.map((r) => (r.data as { tick: { count: number } }).tick.count)).toEqual([1, 2, 3, 4, 5]);
  });

  it('closes the upstream subscription when the last subscriber leaves, and opens a fresh one for the next', async () => {
    const a = shared.subscribe(request(PING));
    const b = shared.subscribe(request(PING));
    void a.next();
    void b.next();
    await until(() => shared.stats().downstream === 2);
    await a.return!();
    expect(upstream.open).toHaveLength(1);
    expect(shared.stats()).toEqual({ upstream: 1, downstream: 1, replays: 0 });
    await b.return!();
    expect(upstream.subscriptions[0].disposed).toBe(true);
    expect(shared.stats()).toEqual({ upstream: 0, downstream: 0, replays: 0 });

    reader(shared.subscribe(request(PING)));
    await until(() => upstream.open.length === 1);
    expect(upstream.subscriptions).toHaveLength(2);
  });

  it('passes an upstream error to every subscriber and closes the group', async () => {
    const a = reader(shared.subscribe(request(TICK)));
    const b = reader(shared.subscribe(request(TICK)));
    await until(() => shared.stats().downstream === 2);
    const errors = [{ message: 'Malformed cursor', extensions: { code: 'BAD_USER_INPUT', field: 'after' } }];
    upstream.open[0].sink.error(errors);
    await until(() => a.ended !== undefined && b.ended !== undefined);
    for (const subscriber of [a, b]) {
      const { error } = subscriber.ended as { error: UpstreamError };
      expect(error).toBeInstanceOf(UpstreamError);
      expect(error.errors).toEqual(errors);
    }
    expect(upstream.subscriptions[0].disposed).toBe(true);
    expect(shared.stats()).toEqual({ upstream: 0, downstream: 0, replays: 0 });
  });

  it('ends every subscriber when the upstream completes', async () => {
    const a = reader(shared.subscribe(request(PING)));
    await until(() => upstream.open.length === 1);
    upstream.open[0].sink.complete();
    await until(() => a.ended !== undefined);
    expect(a.ended).toEqual({ done: true });
    expect(shared.stats()).toEqual({ upstream: 0, downstream: 0, replays: 0 });
  });

  it('shares by the normalised document: whitespace, comments and the order of variables do not split a group', async () => {
    reader(shared.subscribe(request(TICK, { label: 'a', after: null })));
    reader(shared.subscribe(request(`# the same\n${TICK.replace(/ /g, '   ')}`, { after: null, label: 'a' })));
    await until(() => shared.stats().downstream === 2);
    expect(upstream.open).toHaveLength(1);
  });

  it('ends a subscription whose token expires with TOKEN_EXPIRED, then completes it', async () => {
    const a = reader(shared.subscribe(request(TICK), { expiresAt: Date.now() + 50 }));
    await until(() => a.ended !== undefined);
    expect(a.ended).toEqual({ done: true });
    expect(a.received).toHaveLength(1);
    expect(a.received[0].errors?.[0]).toMatchObject({ extensions: { code: 'TOKEN_EXPIRED' } });
    expect(shared.stats()).toEqual({ upstream: 0, downstream: 0, replays: 0 });
  });

  describe('resuming', () => {
    const counts = (state: { received: ExecutionResult[] }) => state.received.map((r) => (r.data as { tick: { count: number } }).tick.count);
    /** Opens the shared stream with a live subscriber, and returns it with its upstream subscription. */
    async function liveGroup() {
      const live = reader(shared.subscribe(request(TICK)));
      await until(() => upstream.open.length === 1);
      return { live, group: upstream.open[0] };
    }

    it('a resuming subscriber gets its own replay from its cursor, then joins the shared stream where both meet', async () => {
      const { live, group } = await liveGroup();
      const resumed = reader(shared.subscribe(request(TICK, { after: '2' })));
      await until(() => upstream.open.length === 2);
      const replay = upstream.open[1];
      expect(replay.payload.variables).toMatchObject({ [RESUME_VARIABLE]: '2' });
      expect(shared.stats()).toMatchObject({ replays: 1, downstream: 2 });
      replay.sink.next(tick(3));
      replay.sink.next(tick(4));
      group.sink.next(tick(5));
      await until(() => live.received.length === 1);
      replay.sink.next(tick(5));
      await until(() => replay.disposed);
      group.sink.next(tick(6));
      await until(() => resumed.received.length === 4);
      expect(counts(resumed)).toEqual([3, 4, 5, 6]);
      expect(counts(live)).toEqual([5, 6]);
      expect(shared.stats()).toEqual({ upstream: 1, downstream: 2, replays: 0 });
    });

    it('joins without a repeat when the replay is ahead of the shared stream, or behind it', async () => {
      const { group } = await liveGroup();
      const ahead = reader(shared.subscribe(request(TICK, { after: '2' })));
      await until(() => upstream.open.length === 2);
      const aheadReplay = upstream.open[1];
      for (const n of [3, 4, 5]) aheadReplay.sink.next(tick(n));
      await until(() => ahead.received.length === 3);
      const behind = reader(shared.subscribe(request(TICK, { after: '2' })));
      await until(() => upstream.open.length === 3);
      const behindReplay = upstream.open[2];
      behindReplay.sink.next(tick(3));
      await until(() => behind.received.length === 1);
      group.sink.next(tick(4)); // the ahead one has it already: it joins here; the behind one waits for its replay
      group.sink.next(tick(5));
      group.sink.next(tick(6));
      await until(() => aheadReplay.disposed && ahead.received.length === 4);
      behindReplay.sink.next(tick(4));
      await until(() => behindReplay.disposed && behind.received.length === 4);
      behindReplay.sink.next(tick(5)); // after the join: ignored
      group.sink.next(tick(7));
      await until(() => ahead.received.length === 5 && behind.received.length === 5);
      expect(counts(ahead)).toEqual([3, 4, 5, 6, 7]);
      expect(counts(behind)).toEqual([3, 4, 5, 6, 7]);
    });

    it('gives every subscriber resuming from the same cursor its own replay: a later one misses nothing', async () => {
      const { group } = await liveGroup();
      const first = reader(shared.subscribe(request(TICK, { after: '2' })));
      await until(() => upstream.open.length === 2);
      upstream.open[1].sink.next(tick(3));
      group.sink.next(tick(3));
      await until(() => upstream.subscriptions[1].disposed);
      const second = reader(shared.subscribe(request(TICK, { after: '2' })));
      await until(() => upstream.open.length === 2);
      expect(upstream.open[1].payload.variables).toMatchObject({ [RESUME_VARIABLE]: '2' });
      upstream.open[1].sink.next(tick(3));
      group.sink.next(tick(4));
      upstream.open[1].sink.next(tick(4));
      await until(() => second.received.length === 2 && first.received.length === 2);
      expect(counts(first)).toEqual([3, 4]);
      expect(counts(second)).toEqual([3, 4]);
    });

    it('passes a replay’s error (an expired cursor) to its subscriber only', async () => {
      const { live } = await liveGroup();
      const resumed = reader(shared.subscribe(request(TICK, { after: '1' })));
      await until(() => upstream.open.length === 2);
      const errors = [{ message: 'Too old', extensions: { code: 'CURSOR_EXPIRED', field: 'after' } }];
      upstream.open[1].sink.error(errors);
      await until(() => resumed.ended !== undefined);
      expect((resumed.ended as { error: UpstreamError }).error.errors).toEqual(errors);
      expect(live.ended).toBeUndefined();
      expect(shared.stats()).toEqual({ upstream: 1, downstream: 1, replays: 0 });
    });

    it('resubscribes the shared stream from the last cursor it delivered', async () => {
      const { group } = await liveGroup();
      expect(group.payload.query).toMatch(new RegExp(`after: \\$${RESUME_VARIABLE}`));
      group.sink.next(tick(4));
      group.sink.next(tick(5));
      // graphql-ws reads the payload again when it resubscribes after a lost connection.
      await until(() => (group.payload.variables as Record<string, unknown>)[RESUME_VARIABLE] === '5');
    });

    it('sends no cursor for a field that cannot resume', async () => {
      reader(shared.subscribe(request(PING)));
      await until(() => upstream.open.length === 1);
      expect(upstream.open[0].payload.variables).toEqual({});
    });
  });
});
