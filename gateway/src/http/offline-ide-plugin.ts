import { dirname, join } from 'node:path';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Express } from 'express';

/** Where the IDE's static files are mounted. */
export const IDE_ASSETS_PATH = '/ide';

function packageFile(pkg: string, file: string): string {
  return join(dirname(require.resolve(`${pkg}/package.json`)), file);
}

const ASSETS: Record<string, string> = {
  'react.js': packageFile('react', 'umd/react.production.min.js'),
  'react-dom.js': packageFile('react-dom', 'umd/react-dom.production.min.js'),
  'graphiql.js': packageFile('graphiql', 'graphiql.min.js'),
  'graphiql.css': packageFile('graphiql', 'graphiql.min.css'),
};

/** Serves GraphiQL's files from node_modules: the IDE works with no internet. */
export function mountIdeAssets(app: Express): void {
  for (const [name, file] of Object.entries(ASSETS)) {
    app.get(`${IDE_ASSETS_PATH}/${name}`, (_req, res) => {
      res.sendFile(file, { maxAge: '1d' });
    });
  }
}

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
