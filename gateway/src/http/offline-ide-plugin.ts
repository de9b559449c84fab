import type { ApolloServerPlugin } from '@apollo/server';
import { IDE_ASSETS_PATH } from './ide-assets';

const EXAMPLE_QUERY = `# Welcome to the Rukhani Zhangyru unified graph.
# Add a token in Headers: {"Authorization": "Bearer <npm run token>"}; subscriptions get it too.
# Live changes: subscription { complaintStatusChanged(territory: "750000000") { cursor from to complaint { id status } } }
query Region($code: ID! = "750000000") {
  territory(code: $code) {
    name(lang: EN)
    monuments(first: 5) { totalCount nodes { name(lang: EN) type } }
  }
}
`;

/**
 * GraphiQL's fetcher: queries and mutations over HTTP, subscriptions over graphql-ws on the same
 * path. The Headers editor's headers go with both; for a subscription GraphiQL puts them in
 * connection_init's payload, where the gateway reads `authorization`, so names are lower-cased
 * (HTTP header names are case-insensitive anyway).
 */
const FETCHER = `
    const url = window.location.pathname;
    const subscriptionUrl = (window.location.protocol === 'https:' ? 'wss://' : 'ws://') + window.location.host + url;
    const graphqlFetcher = GraphiQL.createFetcher({ url, subscriptionUrl });
    const lowerCased = (headers) => Object.fromEntries(Object.entries(headers || {}).map(([name, value]) => [name.toLowerCase(), value]));
    const fetcher = (params, options) => graphqlFetcher(params, { ...options, headers: lowerCased(options && options.headers) });`;

/**
 * Replaces Apollo's landing page (which loads Sandbox from a CDN) with a local
 * GraphiQL that runs subscriptions too. Mounted only outside production, where the IDE is off.
 */
export function offlineIdePlugin(): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return {
            html: `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8" />
  <meta name="viewport" content="width=device-width, initial-scale=1" />
  <title>Rukhani Zhangyru graph</title>
  <link rel="stylesheet" href="${IDE_ASSETS_PATH}/graphiql.css" />
  <style>html, body, #ide { height: 100%; margin: 0; }</style>
</head>
<body>
  <div id="ide">Loading the IDE…</div>
  <script src="${IDE_ASSETS_PATH}/react.js"></script>
  <script src="${IDE_ASSETS_PATH}/react-dom.js"></script>
  <script src="${IDE_ASSETS_PATH}/graphiql.js"></script>
  <script>${FETCHER}
    ReactDOM.createRoot(document.getElementById('ide')).render(
      React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(EXAMPLE_QUERY)}, isHeadersEditorEnabled: true }),
    );
  </script>
</body>
</html>`,
          };
        },
      };
    },
  };
}
