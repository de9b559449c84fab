/** One page of a connection as the API returns it. */
export interface NodesPage<TNode> {
  nodes: readonly TNode[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  totalCount: number;
}

/**
 * Adds a page to the list fetched so far. A page fetched without `after` is the first page and
 * replaces the list (a refetch); a page fetched with `after` is appended. A node already in the
 * list (same key) is not repeated, which happens when new items push older ones onto the next page.
 * `pageInfo` and `totalCount` are the latest page's.
 */
export function mergeNodesPage<TPage extends NodesPage<unknown>>(
  existing: TPage | null | undefined,
  incoming: TPage,
  after: string | null | undefined,
  keyOf: (node: TPage['nodes'][number]) => unknown = (node) => node,
): TPage {
  if (!existing || !after) return incoming;
  const seen = new Set(existing.nodes.map(keyOf));
  const added = incoming.nodes.filter((node) => !seen.has(keyOf(node)));
  return { ...incoming, nodes: [...existing.nodes, ...added] };
}
