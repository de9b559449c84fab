import { executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import type { QueryPlan } from '@apollo/query-planner';
import type { GatewayGraphQLRequestContext } from '@apollo/server-gateway-interface';
import type { Logger } from '@rz/service-kit';
import type { ExecutionResult, FormattedExecutionResult, GraphQLFormattedError } from 'graphql';
import type { GatewayContext } from '../upstream/gateway-context';
import { RESUME_VARIABLE, type PlannedSubscription, type SubscriptionPlanner } from './subscription-planner';
import type { UpstreamClients } from './upstream-clients';

/** An upstream `error` message (or a lost stream), passed on to every subscriber. */
export class UpstreamError extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? 'The subscription failed upstream');
  }
}

export type Delivery = { result: ExecutionResult } | { error: UpstreamError } | { complete: true };

export interface SharedSubscriptionInit {
  key: string;
  planned: PlannedSubscription;
  variables: Record<string, unknown>;
  operationName?: string;
  query: string;
  authorization?: string;
  planner: SubscriptionPlanner;
  upstream: UpstreamClients;
  dataSources: Record<string, GraphQLDataSource>;
  subgraphUrls: Record<string, string>;
  logger: Logger;
  onIdle(key: string): void;
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
    const client = this.init.upstream.get(this.init.subgraphUrls[primary.serviceName], this.init.authorization);
    this.disposeUpstream = client.subscribe<Record<string, unknown>>(payload, {
      next: (message) => {
        if (resume && message.data) {
          const cursor = (message.data[resume.responseKey] as { cursor?: unknown } | null)?.cursor;
          if (typeof cursor === 'string') this.lastCursor = cursor;
        }
        // Events are completed one at a time so subscribers see them in upstream order.
        this.queue = this.queue.then(() => this.complete(message)).catch((error) => {
          this.init.logger.error({ err: error }, 'completing a subscription event failed');
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
    const { planned, planner, dataSources } = this.init;
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
      logger: this.init.logger,
    } as unknown as GatewayGraphQLRequestContext;
    const result = await executeQueryPlan(plan, serviceMap, requestContext, planned.operationContext, planner.supergraphSchema, planner.apiSchema);
    this.broadcast({ result: result as ExecutionResult });
  }
}
