import 'reflect-metadata';
import { runSubgraph } from '@rz/subgraph-runtime';
import { loadConfig, type RukhaniQazynaConfig } from './config';
import { createRukhaniQazyna } from './subgraph';

let config: RukhaniQazynaConfig;
try {
  config = loadConfig();
} catch (error) {
  process.stderr.write(`rukhani-qazyna failed to start: ${(error as Error).message}\n`);
  process.exit(1);
}
// The QR routes and the GraphQL context read PUBLIC_BASE_URL from this same config.
runSubgraph(createRukhaniQazyna(config), () => config);
