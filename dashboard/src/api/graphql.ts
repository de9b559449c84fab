import { requestData, requestPartialData, type PartialData, type TypedDocumentString } from '@rz/client';
import { GRAPHQL_URL } from '../config';

/**
 * One typed operation against the gateway; throws with the API's messages on any error. A production
 * build sends trusted-document ids (queries by GET, which the gateway and a CDN can cache), so it runs
 * against a gateway with TRUSTED_DOCUMENTS on; development sends the documents.
 */
export function query<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, token?: string): Promise<TResult> {
  return requestData(GRAPHQL_URL, document, variables, { token, persisted: import.meta.env.PROD });
}

/** Like `query`, but keeps what the graph answered when one subgraph is down (its fields are null). */
export function queryPartial<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, token?: string): Promise<PartialData<TResult>> {
  return requestPartialData(GRAPHQL_URL, document, variables, { token, persisted: import.meta.env.PROD });
}

/** The gateway could not be reached (fetch rejects with a TypeError), as opposed to an answer with errors. */
export const isUnreachable = (error: unknown) => error instanceof TypeError;
