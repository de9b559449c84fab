export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** A plain HTTP GraphQL request, as a frontend would send it. */
export async function gql<T = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<GraphQLResponse<T>> {
  return postGraphQL<T>(url, { query, variables }, token);
}

/** Any JSON body POSTed to a GraphQL endpoint (e.g. `{ documentId, variables }`), with an optional token. */
export async function postGraphQL<T = Record<string, any>>(url: string, body: unknown, token?: string): Promise<GraphQLResponse<T>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
  return { status: response.status, ...answer };
}
