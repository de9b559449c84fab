import { STATUS_CODES } from 'node:http';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { Fetcher } from '@apollo/utils.fetcher';
import { GraphQLError } from 'graphql';
import { forwardedHeaders } from '../auth/forward-authorization';
import type { UpstreamMetrics } from './fetch-metrics';
import type { GatewayContext } from './gateway-context';
import { InFlightRequests } from './in-flight-requests';

type Options = GraphQLDataSourceProcessOptions<GatewayContext>;
export type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

/** A subgraph's answer as received; the body stays text so that every caller sharing it parses its own copy. */
export interface SubgraphAnswer {
  status: number;
  contentType?: string;
  cacheControl?: string;
  body: string;
}

/** Sends one POST to a subgraph. */
export type SubgraphTransport = (url: string, headers: Record<string, string>, body: string) => Promise<SubgraphAnswer>;

/** A transport over a fetch-style fetcher. */
export function fetcherTransport(fetcher: Fetcher): SubgraphTransport {
  return async (url, headers, body) => {
    const response = await fetcher(url, { method: 'POST', headers, body });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? undefined,
      cacheControl: response.headers.get('cache-control') ?? undefined,
      body: await response.text(),
    };
  };
}

export interface SubgraphDataSourceOptions {
  name: string;
  url: string;
  transport: SubgraphTransport;
  /** Sent with every request (the gateway's shared secret). */
  headers?: Record<string, string>;
  metrics: Pick<UpstreamMetrics, 'deduplicated' | 'merged'>;
}

const MUTATION = /^\s*mutation\b/;
/** Forwarded headers that never change an answer, left out of the deduplication key. */
const NOT_IN_KEY = new Set(['x-request-id']);
const isJson = (contentType: string | undefined) =>
  !!contentType && (contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json'));

/**
 * One subgraph's data source: forwards the caller's headers, and lets identical queries in flight
 * (same document, variables, `Authorization`, language: every forwarded header but the request id)
 * share one request. Mutations are always sent. Errors look like Apollo's RemoteGraphQLDataSource's
 * (`<status>: <text>` with `extensions.response`), which the error formatter and the outage handling read.
 */
export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly inFlight = new InFlightRequests<SubgraphAnswer>();
  private readonly constantHeaders: Record<string, string>;

  constructor(protected readonly source: SubgraphDataSourceOptions) {
    this.constantHeaders = { 'content-type': 'application/json', ...source.headers };
  }

  async process(options: Options): Promise<SubgraphResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    const headers = forwardedHeaders(options.context as GatewayContext);
    for (const [name, value] of (request.http?.headers ?? []) as Iterable<[string, string]>) headers[name.toLowerCase()] = value;
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const answer = await (MUTATION.test(request.query)
      ? this.send(headers, body)
      : this.inFlight.run(dedupKey(headers, body), () => this.send(headers, body), () => this.source.metrics.deduplicated.inc({ subgraph: this.source.name })));
    const response = this.read(answer);
    restrictCachePolicy(options, answer.cacheControl);
    return response;
  }

  private send(headers: Record<string, string>, body: string): Promise<SubgraphAnswer> {
    return this.source.transport(this.source.url, { ...this.constantHeaders, ...headers }, body);
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
