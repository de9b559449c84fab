import type { ApolloServerPlugin } from '@apollo/server';
import { IDE_ASSETS_PATH } from './ide-assets';

const EXAMPLE_QUERY = `# Welcome to the Rukhani Zhangyru unified graph.
# Add a token in Headers: {"Authorization": "Bearer <npm run token>"}
query Region($code: ID! = "750000000") {
  territory(code: $code) {
    name(lang: EN)
    monuments(first: 5) { totalCount nodes { name(lang: EN) type } }
  }
}
`;

/**
 * Replaces Apollo's landing page (which loads Sandbox from a CDN) with a local
 * GraphiQL. Mounted only outside production, where the IDE is off.
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
  <script>
    const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
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
