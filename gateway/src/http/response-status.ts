import type { ApolloServerPlugin } from '@apollo/server';

/** q of a media type in an Accept header, and its position; undefined when not named. */
function acceptEntry(accept: string, type: string): { q: number; order: number } | undefined {
  const entries = accept.split(',').map((part) => part.trim().toLowerCase());
  for (const [order, entry] of entries.entries()) {
    const [media, ...params] = entry.split(';').map((p) => p.trim());
    if (media !== type) continue;
    const q = params.find((p) => p.startsWith('q='));
    return { q: q ? Number(q.slice(2)) : 1, order };
  }
  return undefined;
}

/**
 * Whether the client asked for the legacy `application/json` by name, over
 * `application/graphql-response+json` (the tie goes to the one listed first).
 */
export function prefersLegacyJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const json = acceptEntry(accept, 'application/json');
  if (!json || json.q <= 0) return false;
  const graphql = acceptEntry(accept, 'application/graphql-response+json');
  return !graphql || json.q > graphql.q || (json.q === graphql.q && json.order < graphql.order);
}

/**
 * GraphQL over HTTP status codes. A request error (a document that does not parse or
 * validate, variables that do not coerce: errors and no `data`) is a 400, as
 * `application/graphql-response+json` requires. A client that names the legacy
 * `application/json` gets it with 200, as the spec says for that media type (it
 * reads the errors from the body). Without an Accept header, or with a wildcard,
 * the answer stays a 400: no client of ours relies on a 200 for a refusal.
 */
export function responseStatusPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      const legacy = prefersLegacyJson(request.http?.headers.get('accept'));
      return {
        async willSendResponse({ response }) {
          if (!legacy || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length && !('data' in result && result.data !== undefined) && response.http.status === 400) response.http.status = 200;
        },
      };
    },
  };
}
