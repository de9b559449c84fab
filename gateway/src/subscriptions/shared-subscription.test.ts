import type { GraphQLDataSource } from '@apollo/gateway';
import { createLogger } from '@rz/service-kit';
import { parse, type ExecutionResult, type FormattedExecutionResult } from 'graphql';
import type { Client, Sink, SubscribePayload } from 'graphql-ws';
import { TEST_SUPERGRAPH } from '../testing/test-supergraph';
import { SharedSubscriptions, SlowConsumerError, UpstreamError, type DownstreamRequest } from './shared-subscription';
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
  const deps = () => ({
    planner: new SubscriptionPlanner(TEST_SUPERGRAPH),
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

  it('gives identical subscriptions one upstream subscription; other variables or credentials get their own', async () => {
    const a = reader(shared.subscribe(request(TICK, { label: 'a' })));
    const b = reader(shared.subscribe(request(TICK, { label: 'a' })));
    await until(() => shared.stats().downstream === 2);
    expect(upstream.open).toHaveLength(1);
    expect(upstream.open[0]).toMatchObject({ url: URLS.events, authorization: undefined });

    reader(shared.subscribe(request(TICK, { label: 'b' })));
    reader(shared.subscribe(request(TICK, { label: 'a' }, 'Bearer someone')));
    await until(() => shared.stats().downstream === 4);
    expect(upstream.open).toHaveLength(3);
    expect(upstream.open[2].authorization).toBe('Bearer someone');
    expect(shared.stats()).toEqual({ upstream: 3, downstream: 4 });
    expect([a.ended, b.ended]).toEqual([undefined, undefined]);
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

  it('cuts off a subscriber that stops reading, and goes on for the others', async () => {
    shared = new SharedSubscriptions(deps(), 2);
    const fast = reader(shared.subscribe(request(TICK)));
    let cutOff = 0;
    const slow = shared.subscribe(request(TICK), () => (cutOff += 1));
    const first = slow.next(); // subscribes, then reads no further
    await until(() => shared.stats().downstream === 2);
    for (let count = 1; count <= 5; count += 1) {
      upstream.open[0].sink.next(tick(count));
      await until(() => fast.received.length === count);
    }
    expect(cutOff).toBe(1);
    expect(shared.stats()).toEqual({ upstream: 1, downstream: 1 });
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
    expect(shared.stats()).toEqual({ upstream: 1, downstream: 1 });
    await b.return!();
    expect(upstream.subscriptions[0].disposed).toBe(true);
    expect(shared.stats()).toEqual({ upstream: 0, downstream: 0 });

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
    expect(shared.stats()).toEqual({ upstream: 0, downstream: 0 });
  });

  it('ends every subscriber when the upstream completes', async () => {
    const a = reader(shared.subscribe(request(PING)));
    await until(() => upstream.open.length === 1);
    upstream.open[0].sink.complete();
    await until(() => a.ended !== undefined);
    expect(a.ended).toEqual({ done: true });
    expect(shared.stats()).toEqual({ upstream: 0, downstream: 0 });
  });

  describe('resuming', () => {
    it('subscribes upstream from the client’s cursor, and resubscribes from the last cursor it delivered', async () => {
      const a = reader(shared.subscribe(request(TICK, { after: '3' })));
      await until(() => upstream.open.length === 1);
      const { payload } = upstream.open[0];
      expect(payload.query).toMatch(new RegExp(`after: \\$${RESUME_VARIABLE}`));
      expect(payload.variables).toMatchObject({ [RESUME_VARIABLE]: '3' });

      upstream.open[0].sink.next(tick(4));
      upstream.open[0].sink.next(tick(5));
      await until(() => a.received.length === 2);
      // graphql-ws reads the payload again when it resubscribes after a lost connection.
      expect(payload.variables).toMatchObject({ [RESUME_VARIABLE]: '5' });
    });

    it('starts from the live end when the client gives no cursor, and sends no cursor for a field that cannot resume', async () => {
      reader(shared.subscribe(request(TICK)));
      reader(shared.subscribe(request(PING)));
      await until(() => upstream.open.length === 2);
      expect(upstream.open[0].payload.variables).toEqual({ [RESUME_VARIABLE]: null });
      expect(upstream.open[1].payload.variables).toEqual({});
    });
  });
});
