import type { TypedDocumentString } from './gql/graphql';

export interface GraphQLErrorPayload {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

export interface OperationResult<TResult> {
  /** HTTP status of the response. */
  status: number;
  data?: TResult | null;
  errors?: readonly GraphQLErrorPayload[];
}

export interface RequestOptions {
  /** A bearer token (an officer's, a citizen's); anonymous without it. */
  token?: string;
  signal?: AbortSignal;
  fetch?: typeof fetch;
  /**
   * Send the document's id from the build's manifest instead of its text (trusted documents):
   * a query by GET (cacheable), a mutation by POST. Production frontends set it.
   */
  persisted?: boolean;
}

/** The id codegen gave a document (`sha256:<hex>`, listed in src/gql/persisted-documents.json). */
export function documentIdOf(document: { toString(): string }): string {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  if (typeof hash !== 'string') throw new Error('This document has no trusted-document id: write it in @rz/client src/operations and rebuild.');
  return hash;
}

function persistedRequest(url: string, document: { toString(): string }, variables: unknown): { url: string; init: RequestInit } {
  const documentId = documentIdOf(document);
  if (/^\s*(query|\{)/.test(document.toString())) {
    const get = new URL(url, globalThis.location?.href);
    get.searchParams.set('documentId', documentId);
    get.searchParams.set('variables', JSON.stringify(variables ?? {}));
    // A custom header makes the GET pass the gateway's CSRF prevention (docs/security.md).
    return { url: get.toString(), init: { method: 'GET', headers: { 'apollo-require-preflight': 'true' } } };
  }
  return { url, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ documentId, variables }) } };
}

/** Sends one typed operation over HTTP, as GraphQL over HTTP describes (POST, or by id with `persisted`); variables and result are typed by the document. */
export async function request<TResult, TVariables>(
  url: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<OperationResult<TResult>> {
  const sent = options.persisted
    ? persistedRequest(url, document, variables)
    : { url, init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: document.toString(), variables }) } };
  const response = await (options.fetch ?? fetch)(sent.url, {
    ...sent.init,
    headers: {
      ...(sent.init.headers as Record<string, string>),
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    signal: options.signal,
  });
  const body = (await response.json()) as Omit<OperationResult<TResult>, 'status'>;
  return { status: response.status, ...body };
}

/** Like `request`, but returns the data and throws on any error, with the messages and codes. */
export async function requestData<TResult, TVariables>(
  url: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<TResult> {
  const result = await request(url, document, variables, options);
  if (result.errors?.length || !result.data) throw operationError(result);
  return result.data;
}

/** What a partial answer lacks: the paths of fields whose subgraph was unavailable. */
export interface PartialData<TResult> {
  data: TResult;
  /** Dotted paths (`territory.qrCoverage`) of the fields left null because a part of the graph is down. */
  missing: string[];
}

/**
 * Like `requestData`, but keeps a partial answer: errors coded SUBGRAPH_UNAVAILABLE (one ministry's
 * service is down) come back as the missing paths, so a screen can show the rest. Any other error throws.
 */
export async function requestPartialData<TResult, TVariables>(
  url: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<PartialData<TResult>> {
  const result = await request(url, document, variables, options);
  const errors = result.errors ?? [];
  if (!result.data || errors.some((e) => e.extensions?.code !== 'SUBGRAPH_UNAVAILABLE')) throw operationError(result);
  return { data: result.data, missing: errors.map((e) => (e.path ?? []).join('.')) };
}

function operationError(result: OperationResult<unknown>): Error {
  const messages = (result.errors?.length ? result.errors : [{ message: `HTTP ${result.status} without data` }]).map(
    (e: GraphQLErrorPayload) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`,
  );
  return new Error(messages.join('; '));
}
