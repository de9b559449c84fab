import { dirname, join } from 'node:path';
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
