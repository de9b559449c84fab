import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import type { Logger } from '@rz/service-kit';
import type { DocumentNode, ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import { codedError } from '../errors/coded-error';
import type { GatewayContext } from '../upstream/gateway-context';
import { RESUME_VARIABLE, stableJson, type PlannedSubscription, type SubscriptionPlanner } from './subscription-planner';
import type { UpstreamSource } from './upstream-clients';

/** An upstream `error` message (or a lost stream), passed on to every subscriber. */
export class UpstreamError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'The subscription failed upstream');
  }
}

/** A subscriber left more events unread than its buffer holds: it is cut off, the others go on. */
export class SlowConsumerError extends Error {
  constructor() {
    super('Disconnected: events were not read fast enough; resubscribe with the last cursor you received');
  }
}

/** An event completed through the query plan, with the upstream cursor it came with (null for a field that cannot resume). */
export type Delivery = { result: ExecutionResult; cursor: string | null } | { error: UpstreamError } | { complete: true };

/** What every shared subscription needs: the planner, the upstream subscriptions, and the data sources that complete events. */
export interface SharedSubscriptionDeps {
  planner: SubscriptionPlanner;
  upstream: UpstreamSource;
  dataSources: Record<string, GraphQLDataSource>;
  subgraphUrls: Record<string, string>;
  logger: Logger;
}

export interface UpstreamStreamInit {
  planned: PlannedSubscription;
  variables: Record<string, unknown>;
  operationName?: string;
  query: string;
  authorization?: string;
  /** Where the upstream stream starts: a cursor, `'head'` (the newest, when the subgraph tells it) or null (from now on). */
  from: string | 'head' | null;
  deps: SharedSubscriptionDeps;
  onIdle(): void;
}

/** One downstream subscription, validated. */
export interface DownstreamRequest {
  document: DocumentNode;
  operationName?: string;
  variables: Record<string, unknown>;
  authorization?: string;
  /** Resume point given by the transport (SSE's Last-Event-ID); overrides the document's `after`. */
  after?: string;
}

const cursors = new WeakMap<ExecutionResult, string>();

/** The upstream cursor a result was completed from (null for a field that cannot resume). */
export function cursorOf(result: ExecutionResult): string | null {
  return cursors.get(result) ?? null;
}

export interface DownstreamOptions {
  /** Runs when the subscriber is cut off for not reading (the server then tells the client and closes its socket). */
  onSlowConsumer?: () => void;
  /** When the subscriber's token expires (ms since the epoch): the stream then ends with TOKEN_EXPIRED. */
  expiresAt?: number;
  /**
   * Writes an event straight to the subscriber's connection instead of yielding it (the iterator then
   * yields only the TOKEN_EXPIRED notice and ends); false when the subscriber already has as many
   * events unsent as its buffer holds, which cuts it off. The event is the same object for every
   * subscriber of a group, so what is derived from it (its serialisation) can be computed once.
   */
  write?: (result: ExecutionResult) => boolean;
  /**
   * Runs the writes of several events for this subscriber as one write to its connection. When the
   * fan-out falls behind, events wait and go out together: a system call per subscriber and pass
   * rather than per event, so a busy gateway catches up instead of falling further behind.
   */
  batch?: (writes: () => void) => void;
}

/** Hands deliveries to one subscriber, as one batch when there are several. */
function deliverAll(deliveries: readonly Delivery[], deliver: (delivery: Delivery) => void, batch: DownstreamOptions['batch']): void {
  if (deliveries.length === 1 || !batch) {
    for (const delivery of deliveries) deliver(delivery);
    return;
  }
  batch(() => {
    for (const delivery of deliveries) deliver(delivery);
  });
}

/**
 * Subscribers an event is written to between two turns of the event loop: a fan-out to 10,000 takes
 * a few hundred ms, and HTTP requests and new subscriptions must not wait for all of it.
 */
export const FAN_OUT_SLICE = 500;

/** How far a resuming subscriber's own replay may run ahead of, or behind, the shared stream before it is a slow consumer. */
const SEAM_WINDOW = 10_000;

/**
 * The gateway's open subscriptions, grouped: downstream subscribers with the same
 * normalised document and variables (`after` aside) share one upstream subscription,
 * whoever they are when the selection is public, per token when it is not. A subscriber that resumes from a cursor first gets its own replay
 * (an upstream subscription from its cursor), then joins the shared stream at the
 * first event both have delivered: every event after its cursor, exactly once,
 * whoever else subscribes or resumes.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, UpstreamStream>();
  private readonly replays = new Set<UpstreamStream>();

  constructor(
    private readonly deps: SharedSubscriptionDeps,
    /** Events a subscriber may leave unread before it is cut off. Default 100. */
    private readonly maxBufferedEvents = 100,
  ) {}

  /** Open upstream subscriptions (shared groups and replays) and the downstream subscribers they serve. */
  stats(): { upstream: number; downstream: number; replays: number } {
    let downstream = 0;
    for (const group of this.groups.values()) downstream += group.size;
    return { upstream: this.groups.size + this.replays.size, downstream, replays: this.replays.size };
  }

  /**
   * The events of one downstream subscriber. A subscriber that stops reading ends with
   * SlowConsumerError and `onSlowConsumer` runs; it never holds the others back.
   */
  subscribe(request: DownstreamRequest, options: DownstreamOptions = {}): AsyncIterableIterator<ExecutionResult> {
    const point = this.deps.planner.sharingPoint(request.document, request.operationName, request.variables);
    // A public selection runs anonymously for everyone (see PER_VIEWER_COORDINATES).
    const authorization = point.perViewer ? request.authorization : undefined;
    const upstreamRequest = { ...request, authorization };
    const key = stableJson({ point: point.key, authorization: authorization ?? null });
    const group = this.groupFor(key, upstreamRequest);
    const after = request.after ?? point.after;
    const replay = after !== null && group.resumable ? this.stream(upstreamRequest, after, () => this.replays.delete(replay!)) : undefined;
    if (replay) this.replays.add(replay);
    const buffer = new FixedBuffer(this.maxBufferedEvents);

    return new Repeater<ExecutionResult>(async (push, stop) => {
      const send = (result: ExecutionResult) => {
        if (options.write ? options.write(result) : !buffer.full && (void push(result), true)) return;
        stop(new SlowConsumerError());
        options.onSlowConsumer?.();
      };
      const end = (delivery: Exclude<Delivery, { result: unknown }>) => ('error' in delivery ? stop(delivery.error) : stop());
      const seam = new Seam(send, () => removeReplay?.(), SEAM_WINDOW);
      const fromGroup = (delivery: Delivery) => ('result' in delivery ? (replay ? seam.shared(delivery) : send(delivery.result)) : end(delivery));
      const fromReplay = (delivery: Delivery) => ('result' in delivery ? seam.replayed(delivery) : end(delivery));
      const removeGroup = group.add((deliveries) => deliverAll(deliveries, fromGroup, options.batch));
      const removeReplay = replay?.add((deliveries) => deliverAll(deliveries, fromReplay, options.batch));
      const expiry =
        options.expiresAt === undefined
          ? undefined
          : setTimeout(() => {
              void push({ errors: [codedError('TOKEN_EXPIRED', 'The token this subscription was opened with has expired; resubscribe with a new one and your last cursor')] });
              stop();
            }, Math.max(0, options.expiresAt - Date.now()));
      try {
        await stop;
      } finally {
        clearTimeout(expiry);
        removeGroup();
        removeReplay?.();
      }
    }, buffer);
  }

  private groupFor(key: string, request: DownstreamRequest): UpstreamStream {
    let group = this.groups.get(key);
    if (!group) {
      const created: UpstreamStream = this.stream(request, 'head', () => {
        if (this.groups.get(key) === created) this.groups.delete(key);
      });
      this.groups.set(key, created);
      group = created;
    }
    return group;
  }

  private stream(request: DownstreamRequest, from: string | 'head' | null, onIdle: () => void): UpstreamStream {
    const { document, operationName, variables, authorization } = request;
    return new UpstreamStream({
      planned: this.deps.planner.plan(document, operationName, variables),
      variables,
      operationName,
      query: document.loc?.source.body ?? '',
      authorization,
      from,
      deps: this.deps,
      onIdle,
    });
  }
}

/**
 * Where a resuming subscriber moves from its own replay to the shared stream. Both
 * deliver the same filtered events in the same order, so the first cursor seen on
 * both is a known position: everything up to it came from the replay, everything
 * after it that the replay did not already send comes from the shared stream.
 * Cursors are compared for equality only; their order is the subgraph's business.
 */
class Seam {
  private joined = false;
  /** Cursors the replay sent, in order. */
  private readonly replayedCursors: string[] = [];
  private readonly replayedSet = new Set<string>();
  /** Shared events that arrived before the join, in order. */
  private readonly pending: { result: ExecutionResult; cursor: string | null }[] = [];

  constructor(
    private readonly send: (result: ExecutionResult) => void,
    private readonly leaveReplay: () => void,
    private readonly window: number,
  ) {}

  replayed(delivery: { result: ExecutionResult; cursor: string | null }): void {
    if (this.joined || delivery.cursor === null) return;
    this.send(delivery.result);
    this.replayedCursors.push(delivery.cursor);
    this.replayedSet.add(delivery.cursor);
    if (this.replayedCursors.length > this.window) this.replayedSet.delete(this.replayedCursors.shift()!);
    const at = this.pending.findIndex((p) => p.cursor === delivery.cursor);
    if (at >= 0) this.join(at);
  }

  shared(delivery: { result: ExecutionResult; cursor: string | null }): void {
    if (this.joined) {
      if (delivery.cursor === null || !this.replayedSet.has(delivery.cursor)) this.send(delivery.result);
      return;
    }
    this.pending.push(delivery);
    if (this.pending.length > this.window) this.pending.shift();
    if (delivery.cursor !== null && this.replayedSet.has(delivery.cursor)) this.join(this.pending.length - 1);
  }

  /** `at`: the index in `pending` of the first event both streams delivered. */
  private join(at: number): void {
    this.joined = true;
    this.leaveReplay();
    for (const later of this.pending.slice(at + 1)) {
      if (later.cursor === null || !this.replayedSet.has(later.cursor)) this.send(later.result);
    }
    this.pending.length = 0;
  }
}

/**
 * One upstream subscription and its subscribers: a shared group, or one subscriber's
 * replay. Each upstream event is completed once (the rest of the plan: entity
 * fetches to other subgraphs) and handed to all. When the upstream connection is
 * lost, graphql-ws resubscribes, and the payload then carries the last cursor
 * delivered (or the head the stream started at), never null.
 */
export class UpstreamStream {
  private readonly subscribers = new Set<(deliveries: readonly Delivery[]) => void>();
  /** Completed deliveries not yet handed to the subscribers, in upstream order. */
  private ready: Delivery[] = [];
  private broadcasting = false;
  private lastCursor: string | null;
  private disposeUpstream: (() => void) | undefined;
  private stopped = false;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly init: UpstreamStreamInit) {
    this.lastCursor = init.from === 'head' ? null : init.from;
  }

  get size(): number {
    return this.subscribers.size;
  }

  get resumable(): boolean {
    return this.init.planned.resume !== null;
  }

  /** Adds a subscriber; the returned function removes it (the last one stops the upstream). */
  add(deliver: (deliveries: readonly Delivery[]) => void): () => void {
    this.subscribers.add(deliver);
    if (this.subscribers.size === 1 && !this.stopped) void this.start();
    return () => {
      if (!this.subscribers.delete(deliver)) return;
      if (this.subscribers.size === 0) this.stop();
    };
  }

  private async start(): Promise<void> {
    const { planned, variables, from, deps } = this.init;
    const { primary, resume } = planned;
    if (resume && from === 'head' && resume.headQuery) {
      this.lastCursor = await this.head(resume.headQuery);
      if (this.stopped) return;
    }
    const primaryVariables = Object.fromEntries((primary.variableUsages ?? []).filter((v) => v in variables).map((v) => [v, variables[v]]));
    const stream = this;
    const payload = {
      query: resume?.operation ?? primary.operation,
      operationName: primary.operationName,
      // A getter: graphql-ws re-sends this payload when it resubscribes after a
      // reconnect, and then it must resume from the last event delivered.
      get variables() {
        return resume ? { ...primaryVariables, [RESUME_VARIABLE]: stream.lastCursor } : primaryVariables;
      },
    };
    const client = deps.upstream.get(deps.subgraphUrls[primary.serviceName], this.init.authorization);
    this.disposeUpstream = client.subscribe<Record<string, unknown>>(payload, {
      next: (message) => {
        const cursor = resume && message.data ? (message.data[resume.responseKey] as { cursor?: unknown } | null)?.cursor : undefined;
        if (typeof cursor === 'string') this.lastCursor = cursor;
        // Events are completed one at a time so subscribers see them in upstream order.
        this.queue = this.queue
          .then(() => this.complete(message, typeof cursor === 'string' ? cursor : null))
          .catch((error) => deps.logger.error({ err: error }, 'completing a subscription event failed'));
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as GraphQLFormattedError[]) : [{ message: 'The subscription stream was lost' }];
        void this.queue.then(() => this.hand({ error: new UpstreamError(errors) }));
        this.stop();
      },
      complete: () => {
        void this.queue.then(() => this.hand({ complete: true }));
        this.stop();
      },
    });
  }

  /** The newest cursor, asked of the owning subgraph; retried while it is unreachable (its stream would be too). */
  private async head(query: string): Promise<string | null> {
    const { planned, deps } = this.init;
    const source = deps.dataSources[planned.primary.serviceName];
    for (let attempt = 0; !this.stopped; attempt += 1) {
      try {
        const response = await source.process({
          kind: 'health check',
          request: { query },
          context: {},
        } as never);
        const value = Object.values(response.data ?? {})[0];
        if (typeof value === 'string' || value === null) return value as string | null;
      } catch (error) {
        deps.logger.warn({ err: error }, 'reading the newest subscription cursor failed; retrying');
      }
      await sleep(Math.min(2_000, 100 * 2 ** attempt), undefined, { ref: false });
    }
    return null;
  }

  private stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.disposeUpstream?.();
    this.disposeUpstream = undefined;
    this.init.onIdle();
  }

  /**
   * Queues a delivery for the subscribers. Completion of the next event goes on meanwhile; what is
   * completed while a fan-out runs goes out in the next one, all together.
   */
  private hand(delivery: Delivery): void {
    this.ready.push(delivery);
    if (!this.broadcasting) void this.broadcastReady();
  }

  private async broadcastReady(): Promise<void> {
    this.broadcasting = true;
    try {
      while (this.ready.length > 0) {
        const batch = this.ready;
        this.ready = [];
        await this.broadcast(batch);
      }
    } finally {
      this.broadcasting = false;
    }
  }

  /** Hands deliveries to every subscriber, letting the event loop turn every FAN_OUT_SLICE subscribers. */
  private async broadcast(deliveries: readonly Delivery[]): Promise<void> {
    let served = 0;
    for (const deliver of [...this.subscribers]) {
      // One that left while the loop turned gets nothing more.
      if (!this.subscribers.has(deliver)) continue;
      deliver(deliveries);
      served += 1;
      if (served % FAN_OUT_SLICE === 0) await nextTurn();
    }
  }

  /** Runs the whole plan for one event, with the primary fetch answered by the event itself. */
  private async complete(message: FormattedExecutionResult<Record<string, unknown>, unknown>, cursor: string | null): Promise<void> {
    const { planned } = this.init;
    const { planner, dataSources, logger } = this.init.deps;
    const { primary, rest } = planned;
    const real = dataSources[primary.serviceName];
    const eventSource: GraphQLDataSource = {
      process: (options) =>
        options.request.query === primary.operation
          ? Promise.resolve({ data: message.data ?? null, errors: message.errors } as never)
          : real.process(options),
    };
    const serviceMap: ServiceMap = { ...dataSources, [primary.serviceName]: eventSource };
    const plan: QueryPlan = { kind: 'QueryPlan', node: rest ? { kind: 'Sequence', nodes: [primary, rest] } : primary };
    const context: GatewayContext = { authorization: this.init.authorization };
    const requestContext = {
      request: { query: this.init.query, operationName: this.init.operationName, variables: this.init.variables },
      context,
      metrics: { captureTraces: false },
      logger,
    } as unknown as GatewayGraphQLRequestContext;
    const result = await executeQueryPlan(plan, serviceMap, requestContext, planned.operationContext, planner.supergraphSchema, planner.apiSchema);
    if (cursor !== null) cursors.set(result as ExecutionResult, cursor);
    this.hand({ result: result as ExecutionResult, cursor });
  }
}
