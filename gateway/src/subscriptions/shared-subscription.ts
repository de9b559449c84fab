import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import { FixedBuffer, Repeater } from '@repeaterjs/repeater';
import type { Logger } from '@rz/service-kit';
import type { DocumentNode, ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../upstream/gateway-context';
import { RESUME_VARIABLE, type PlannedSubscription, type SubscriptionPlanner } from './subscription-planner';
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
    super('Disconnected: events were not read fast enough');
  }
}

export type Delivery = { result: ExecutionResult } | { error: UpstreamError } | { complete: true };

/** What every shared subscription needs: the planner, the upstream subscriptions, and the data sources that complete events. */
export interface SharedSubscriptionDeps {
  planner: SubscriptionPlanner;
  upstream: UpstreamSource;
  dataSources: Record<string, GraphQLDataSource>;
  subgraphUrls: Record<string, string>;
  logger: Logger;
}

export interface SharedSubscriptionInit {
  key: string;
  planned: PlannedSubscription;
  variables: Record<string, unknown>;
  operationName?: string;
  query: string;
  authorization?: string;
  deps: SharedSubscriptionDeps;
  onIdle(key: string): void;
}

/** One downstream subscription, validated. */
export interface DownstreamRequest {
  document: DocumentNode;
  operationName?: string;
  variables: Record<string, unknown>;
  authorization?: string;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * The gateway's open subscriptions, grouped: downstream subscribers with the same
 * document, variables and credentials share one upstream subscription.
 */
export class SharedSubscriptions {
  private readonly groups = new Map<string, SharedSubscription>();

  constructor(
    private readonly deps: SharedSubscriptionDeps,
    /** Events a subscriber may leave unread before it is cut off. Default 100. */
    private readonly maxBufferedEvents = 100,
  ) {}

  /** Open upstream subscriptions (shared groups) and the downstream subscribers they serve. */
  stats(): { upstream: number; downstream: number } {
    let downstream = 0;
    for (const group of this.groups.values()) downstream += group.size;
    return { upstream: this.groups.size, downstream };
  }

  /**
   * The events of one downstream subscriber, from its group's upstream subscription.
   * A subscriber that stops reading ends with SlowConsumerError and `onSlowConsumer`
   * runs (the server cuts its socket); it never holds the others back.
   */
  subscribe(request: DownstreamRequest, onSlowConsumer: () => void = () => undefined): AsyncIterableIterator<ExecutionResult> {
    const { document, operationName, variables, authorization } = request;
    const query = document.loc?.source.body ?? '';
    const key = stableJson({ query, operationName: operationName ?? null, variables, authorization: authorization ?? null });
    let group = this.groups.get(key);
    if (!group) {
      const created: SharedSubscription = new SharedSubscription({
        key,
        planned: this.deps.planner.plan(document, operationName, variables),
        variables,
        operationName,
        query,
        authorization,
        deps: this.deps,
        onIdle: (idleKey) => {
          if (this.groups.get(idleKey) === created) this.groups.delete(idleKey);
        },
      });
      this.groups.set(key, created);
      group = created;
    }
    const shared = group;
    const buffer = new FixedBuffer(this.maxBufferedEvents);
    return new Repeater<ExecutionResult>(async (push, stop) => {
      const remove = shared.add((delivery: Delivery) => {
        if ('result' in delivery) {
          if (!buffer.full) {
            void push(delivery.result);
            return;
          }
          stop(new SlowConsumerError());
          onSlowConsumer();
        } else if ('error' in delivery) stop(delivery.error);
        else stop();
      });
      try {
        await stop;
      } finally {
        remove();
      }
    }, buffer);
  }
}

/**
 * One upstream subscription shared by every downstream subscriber with the same
 * document, variables and credentials. Each upstream event is completed once
 * (the rest of the plan: entity fetches to other subgraphs) and sent to all.
 */
export class SharedSubscription {
  private readonly subscribers = new Set<(delivery: Delivery) => void>();
  private lastCursor: string | null;
  private disposeUpstream: (() => void) | undefined;
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly init: SharedSubscriptionInit) {
    this.lastCursor = init.planned.resume?.initialAfter ?? null;
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Adds a subscriber; the returned function removes it (the last one stops the upstream). */
  add(deliver: (delivery: Delivery) => void): () => void {
    this.subscribers.add(deliver);
    if (!this.disposeUpstream) this.start();
    return () => {
      this.subscribers.delete(deliver);
      if (this.subscribers.size === 0) this.stop();
    };
  }

  private start(): void {
    const { planned, variables } = this.init;
    const { primary, resume } = planned;
    const primaryVariables = Object.fromEntries((primary.variableUsages ?? []).filter((v) => v in variables).map((v) => [v, variables[v]]));
    const shared = this;
    const payload = {
      query: resume?.operation ?? primary.operation,
      operationName: primary.operationName,
      // A getter: graphql-ws re-sends this payload when it resubscribes after a
      // reconnect, and then it must resume from the last event seen, not the first.
      get variables() {
        return resume ? { ...primaryVariables, [RESUME_VARIABLE]: shared.lastCursor } : primaryVariables;
      },
    };
    const { upstream, subgraphUrls, logger } = this.init.deps;
    const client = upstream.get(subgraphUrls[primary.serviceName], this.init.authorization);
    this.disposeUpstream = client.subscribe<Record<string, unknown>>(payload, {
      next: (message) => {
        if (resume && message.data) {
          const cursor = (message.data[resume.responseKey] as { cursor?: unknown } | null)?.cursor;
          if (typeof cursor === 'string') this.lastCursor = cursor;
        }
        // Events are completed one at a time so subscribers see them in upstream order.
        this.queue = this.queue.then(() => this.complete(message)).catch((error) => {
          logger.error({ err: error }, 'completing a subscription event failed');
        });
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as GraphQLFormattedError[]) : [{ message: 'The subscription stream was lost' }];
        void this.queue.then(() => this.broadcast({ error: new UpstreamError(errors) }));
        this.stop();
      },
      complete: () => {
        void this.queue.then(() => this.broadcast({ complete: true }));
        this.stop();
      },
    });
  }

  private stop(): void {
    this.disposeUpstream?.();
    this.disposeUpstream = undefined;
    this.init.onIdle(this.init.key);
  }

  private broadcast(delivery: Delivery): void {
    for (const deliver of this.subscribers) deliver(delivery);
  }

  /** Runs the whole plan for one event, with the primary fetch answered by the event itself. */
  private async complete(message: FormattedExecutionResult<Record<string, unknown>, unknown>): Promise<void> {
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
    this.broadcast({ result: result as ExecutionResult });
  }
}
