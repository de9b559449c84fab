import 'reflect-metadata';
import { join } from 'node:path';
import { printSubgraphSchema } from '@apollo/subgraph';
import { subgraphDir, SUBGRAPHS, type SubgraphName } from '@rz/contract';
import type { GraphQLSchema } from 'graphql';
import { ROOT } from '../paths';

/**
 * Prints one subgraph's SDL. Runs in its own process: type-graphql keeps its
 * metadata in a global, so two subgraphs must not share a process.
 */
async function main(): Promise<void> {
  const name = process.argv[2] as SubgraphName;
  if (!SUBGRAPHS.some((s) => s.name === name)) throw new Error(`Unknown subgraph "${name}"`);
  const pkg = require(join(ROOT, subgraphDir(name), 'dist', 'index.js')) as { subgraph: { buildSchema(): Promise<GraphQLSchema> } };
  process.stdout.write(printSubgraphSchema(await pkg.subgraph.buildSchema()));
}

main().catch((error: Error) => {
  process.stderr.write(`${error.stack ?? error.message}\n`);
  process.exit(1);
});
