/**
 * The one list of subgraphs. Ports, URLs, database schemas, SDL paths and the
 * composition inputs are all derived from it.
 */
export const SUBGRAPHS = [
  { name: 'tarbie-bilim', port: 4101, ministry: 'Education and Science' },
  { name: 'atameken', port: 4102, ministry: 'Religious Affairs and Civil Society' },
  { name: 'rukhani-qazyna', port: 4103, ministry: 'Culture and Sports' },
  { name: 'aqparat-tolqyny', port: 4104, ministry: 'Information and Communications' },
  // Not a ministry's subprogramme: the regional project offices that run all four.
  { name: 'project-office', port: 4105, ministry: 'Regional project offices' },
  // A shared service, not a subprogramme: every subgraph's notifications reach people through it.
  { name: 'notifications', port: 4106, ministry: 'Programme notifications (shared service)' },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];
export type SubgraphInfo = (typeof SUBGRAPHS)[number];

export const GATEWAY_PORT = 4000;

/**
 * Node options of every gateway process (dev orchestrator, compose, Kubernetes; tests keep them in step).
 * Its live heap is about 80 MB, but at a high allocation rate V8 lets the heap grow to several times that
 * before collecting: 365-374 MB RSS at 1,000 requests/s in bench:gateway without a cap. The cap bounds that,
 * and leaves room for SUBSCRIPTION_MAX_CONNECTIONS subscribers (about 13 KB of heap each: 192 MB ran out at 10,000).
 */
export const GATEWAY_NODE_OPTIONS = '--max-old-space-size=320';

export function subgraphInfo(name: SubgraphName): SubgraphInfo {
  const found = SUBGRAPHS.find((s) => s.name === name);
  if (!found) throw new Error(`Unknown subgraph ${name}`);
  return found;
}

/** PostgreSQL schema and role owned by a subgraph (identifiers cannot contain '-'). */
export function subgraphDbSchema(name: SubgraphName): string {
  return name.replace(/-/g, '_');
}

/** Workspace folder of a subgraph, relative to the repository root. */
export function subgraphDir(name: SubgraphName): string {
  return `subgraphs/${name}`;
}

/** Environment variable prefix of a subgraph, e.g. RUKHANI_QAZYNA_. */
export function subgraphEnvPrefix(name: SubgraphName): string {
  return `${subgraphDbSchema(name).toUpperCase()}_`;
}

export function subgraphUrl(name: SubgraphName, host = 'localhost', port: number = subgraphInfo(name).port): string {
  return `http://${host}:${port}/graphql`;
}
