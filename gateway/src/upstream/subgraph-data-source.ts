import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { forwardedHeaders } from '../auth/forward-authorization';
import type { UpstreamMetrics } from './fetch-metrics';
import type { SubgraphAnswer, SubgraphTransport } from './subgraph-transport';
import type { GatewayContext } from './gateway-context';
import { FetchMerger, type FetchPart, type MergeLimits, type PartAnswer } from './fetch-merging';
import { InFlightRequests } from './in-flight-requests';

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;


export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  transport: SubgraphTransport;
  /** Sent with every request (the gateway's shared secret). */
  headers?: Record<string, string>;
  metrics: Pick<UpstreamMetrics, 'deduplicated' | 'merged'>;
  /** The subgraphs' query limits: merged fetches stay within them. */
  mergeLimits: MergeLimits;
}

/** An answer that can be shared: every `read` gives a copy of its own (the executor writes into what it gets). */
interface Answer {
  read(): SubgraphResponse;
  cacheControl?: string;
}

/** Queries of one operation to this subgraph, issued together (one stage of its plan). */
interface Batch {
  headers: Record<string, string>;
  fetches: { part: FetchPart; body: string; resolve(answer: Answer): void; reject(error: unknown): void }[];
}

const MUTATION = /^\s*mutation\b/;
/** Forwarded headers that never change an answer, left out of the deduplication key. */
const NOT_IN_KEY = new Set(['x-request-id']);
const isJson = (contentType: string | undefined) =>
  !!contentType && (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'));

/** The first read gets the value itself, later ones a copy. */
function handOut<T>(value: T): () => T {
  let given = false;
  return () => {
    if (!given) {
      given = true;
      return value;
    }
    return structuredClone(value);
  };
}

/**
 * One subgraph's data source. It forwards the caller's headers, and sends fewer requests:
 * - identical queries in flight (same document, variables, `Authorization`, language: every forwarded
 *   header but the request id) share one request;
 * - queries of one operation issued together (the fetches of a plan stage that run in parallel) go
 *   as one document (fetch-merging.ts), split back per fetch, and one by one when the subgraph refuses the merge.
 * Mutations are always sent, alone. Errors look like Apollo's RemoteGraphQLDataSource's
 * (`<status>: <text>` with `extensions.response`), which the error formatter and the outage handling read.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly inFlight = new InFlightRequests<Answer>();
  private readonly batches = new Map<object, Batch>();
  private readonly merger: FetchMerger;
  private readonly constantHeaders: Record<string, string>;

  constructor(protected readonly source: SubgraphDataSourceOptions) {
    this.constantHeaders = { 'content-type': 'application/json', ...source.headers };
    this.merger = new FetchMerger(source.mergeLimits);
  }

  async process(options: Options): Promise<SubgraphResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const headers = forwardedHeaders(options.context as GatewayContext);
    for (const [name, value] of (request.http?.headers ?? []) as Iterable<[string, string]>) headers[name.toLowerCase()] = value;
    const part: FetchPart = { query: request.query, variables: request.variables, operationName: request.operationName };
    const body = JSON.stringify({ ...part, extensions: request.extensions });
    let answer: Answer;
    if (MUTATION.test(request.query)) {
      answer = await this.send(headers, body);
    } else {
      const alone = !('incomingRequestContext' in options) || request.extensions;
      const send = () => (alone ? this.send(headers, body) : this.batched(options.context, headers, part, body));
      answer = await this.inFlight.run(dedupKey(headers, body), send, () => this.source.metrics.deduplicated.inc({ subgraph: this.source.name }));
    }
    const response = answer.read();
    restrictCachePolicy(options, answer.cacheControl);
    return response;
  }

  /** Joins the operation's batch for this subgraph, sent once the fetches issued with it have joined too. */
  private batched(operation: object, headers: Record<string, string>, part: FetchPart, body: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      let batch = this.batches.get(operation);
      if (!batch) {
        batch = { headers, fetches: [] };
        this.batches.set(operation, batch);
        // After the current run of promise jobs: the executor issues a stage's fetches within one.
        process.nextTick(() =>
          this.flush(operation).catch((error: unknown) => {
            // Settled fetches ignore this; none is left waiting.
            for (const fetch of batch!.fetches) fetch.reject(error);
          }),
        );
      }
      batch.fetches.push({ part, body, resolve, reject });
    });
  }

  private async flush(operation: object): Promise<void> {
    const batch = this.batches.get(operation)!;
    this.batches.delete(operation);
    const { headers, fetches } = batch;
    // A fetch alone is sent as it was asked.
    const oneByOne = () => {
      for (const fetch of fetches) this.send(headers, fetch.body).then(fetch.resolve, fetch.reject);
    };
    const merged = fetches.length > 1 ? this.merger.merge(fetches.map((f) => f.part)) : null;
    if (!merged) return oneByOne();
    let raw: SubgraphAnswer;
    try {
      raw = await this.source.transport(this.source.url, { ...this.constantHeaders, ...headers }, JSON.stringify(merged.body));
    } catch (error) {
      for (const fetch of fetches) fetch.reject(error);
      return;
    }
    let parts: PartAnswer[] | null = null;
    try {
      parts = raw.status < 400 && isJson(raw.contentType) ? merged.split(JSON.parse(raw.body) as PartAnswer) : null;
    } catch {
      // not JSON after all: one by one, each fetch reports its own answer
    }
    // Refused as a whole (a limit the merge passed, a value error in one fetch): each fetch gets its own answer.
    if (!parts) return oneByOne();
    this.source.metrics.merged.inc({ subgraph: this.source.name }, fetches.length - 1);
    fetches.forEach((fetch, i) => fetch.resolve({ read: handOut(parts[i] as SubgraphResponse), cacheControl: raw.cacheControl }));
  }

  private async send(headers: Record<string, string>, body: string): Promise<Answer> {
    const raw = await this.source.transport(this.source.url, { ...this.constantHeaders, ...headers }, body);
    return { read: () => this.read(raw), cacheControl: raw.cacheControl };
  }

  private read(answer: SubgraphAnswer): SubgraphResponse {
    const json = isJson(answer.contentType);
    if (answer.status >= 400) throw this.errorFrom(answer, json);
    const body: unknown = json ? JSON.parse(answer.body) : answer.body;
    if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${answer.body}`);
    return body as SubgraphResponse;
  }

  private errorFrom(answer: SubgraphAnswer, json: boolean): GraphQLError {
    let body: unknown = answer.body;
    if (json) {
      try {
        body = JSON.parse(answer.body);
      } catch {
        // keep the text
      }
    }
    const statusText = STATUS_CODES[answer.status] ?? '';
    const code = answer.status === 401 ? 'UNAUTHENTICATED' : answer.status === 403 ? 'FORBIDDEN' : undefined;
    return new GraphQLError(`${answer.status}: ${statusText}`, {
      extensions: { response: { url: this.source.url, status: answer.status, statusText, body }, ...(code ? { code } : {}) },
    });
  }
}

function dedupKey(headers: Record<string, string>, body: string): string {
  let key = '';
  for (const name in headers) if (!NOT_IN_KEY.has(name)) key += `${name}:${headers[name]}\n`;
  return key + body;
}

/** A subgraph's Cache-Control narrows the operation's cache policy, as Apollo's data source does. */
function restrictCachePolicy(options: Options, cacheControl: string | undefined): void {
  if (!('incomingRequestContext' in options)) return;
  const policy = options.incomingRequestContext.overallCachePolicy;
  if (!policy || !('restrict' in policy)) return;
  const directives = (cacheControl ?? '').toLowerCase();
  const maxAge = /(?:^|,)\s*max-age=(\d+)/.exec(directives)?.[1];
  const scope = /(?:^|,)\s*private\b/.test(directives) ? 'PRIVATE' : /(?:^|,)\s*public\b/.test(directives) ? 'PUBLIC' : undefined;
  policy.restrict({ maxAge: maxAge ? Number(maxAge) : 0, ...(scope ? { scope } : {}) });
}
