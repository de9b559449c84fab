/**
 * The gateway serves this app at /dashboard/ and the API at /graphql on the same origin, so the
 * app needs no CORS and makes no request elsewhere. VITE_GRAPHQL_URL points a build at a gateway on
 * another origin (which must list this origin in its CORS allow-list); `npm run dev` proxies instead.
 */
export const GRAPHQL_URL = new URL(import.meta.env.VITE_GRAPHQL_URL ?? '/graphql', window.location.href).toString();

/** graphql-ws on the same path: ws:// or wss:// as the page is http:// or https://. */
export const GRAPHQL_WS_URL = GRAPHQL_URL.replace(/^http/, 'ws');
