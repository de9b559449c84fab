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
}

/** Sends one typed operation over HTTP POST, as GraphQL over HTTP describes; variables and result are typed by the document. */
export async function request<TResult, TVariables>(
  url: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  options: RequestOptions = {},
): Promise<OperationResult<TResult>> {
  const response = await (options.fetch ?? fetch)(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify({ query: document.toString(), variables }),
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
  if (result.errors?.length || !result.data) {
    const messages = (result.errors ?? [{ message: `HTTP ${result.status} without data` }]).map(
      (e) => `${e.message}${e.extensions?.code ? ` (${e.extensions.code})` : ''}`,
    );
    throw new Error(messages.join('; '));
  }
  return result.data;
}
