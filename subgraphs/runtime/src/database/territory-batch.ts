import DataLoader from 'dataloader';
import { encodeCursor, kato, type ConnectionShape } from '@rz/schema';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { LoaderFactory, SubgraphContext } from '../context';
import { afterId, afterKey, type PageOrder, type PageRequest } from './paginate';
import { groupBy } from './list-by-key-loader';

/**
 * One Territory field for a batch of territories: the calls a request makes in one tick with equal
 * arguments become one `fetch` of every territory code, which answers in the codes' order.
 * Declare it once per field at module level, like byIdLoader.
 */
export function territoryBatch<C extends SubgraphContext, A, R>(
  fetch: (ctx: C, codes: string[], argument: A) => Promise<R[]>,
): (ctx: C, code: string, argument: A) => Promise<R> {
  // One loader per distinct argument (filter, page, period) in the request.
  const factory: LoaderFactory<Map<string, DataLoader<string, R>>> = () => new Map();
  return (ctx, code, argument) => {
    const loaders = ctx.loaders.get(factory);
    const key = JSON.stringify(argument ?? null);
    let loader = loaders.get(key);
    if (!loader) {
      loader = new DataLoader<string, R>((codes) => fetch(ctx, [...codes], argument));
      loaders.set(key, loader);
    }
    return loader.load(code);
  };
}

/**
 * Each territory's subtree as two parallel arrays (root, member) for `unnest`: one parameter pair
 * however many territories, matched exactly as kato().subtreeCodes does.
 */
export function subtreePairs(codes: readonly string[]): { roots: string[]; members: string[] } {
  const roots: string[] = [];
  const members: string[] = [];
  for (const code of codes) {
    for (const member of kato().subtreeCodes(code)) {
      roots.push(code);
      members.push(member);
    }
  }
  return { roots, members };
}

export interface TerritoryPageOptions {
  /**
   * The condition putting a row in a territory, given an SQL subquery of the territory's subtree codes,
   * e.g. `(subtree) => \`c.territoryCode IN (${subtree})\``.
   */
  within: (subtree: string) => string;
  /** A computed order as paginateBy takes it; newest first (paginate) without one. */
  order?: PageOrder;
}

/**
 * paginate / paginateBy for many territories at once: the same page of `query` within each territory's
 * subtree, in three statements whatever the number of territories (counts, page ids, rows).
 */
export async function paginateTerritories<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  codes: readonly string[],
  page: PageRequest,
  options: TerritoryPageOptions,
): Promise<ConnectionShape<T>[]> {
  const alias = query.alias;
  const { roots, members } = subtreePairs(codes);
  const subtree = 'SELECT tm.code FROM unnest(CAST(:territoryRoots AS text[]), CAST(:territoryMembers AS text[])) AS tm(root, code) WHERE tm.root = territory_batch.root';
  const scoped = query.clone().andWhere(options.within(subtree), { territoryRoots: roots, territoryMembers: members });
  const order = options.order;
  if (order) scoped.setParameters(order.params ?? {});

  const counts = await perTerritory<{ n: string }, T>(scoped.clone().select(`count(DISTINCT ${alias}.id)`, 'n').orderBy(), codes);

  const key = order ? `(${order.sql})` : `${alias}.id`;
  const direction = order?.direction ?? 'DESC';
  const pageQuery = scoped
    .clone()
    .select(`${alias}.id`, 'id')
    .addSelect(`${key}::text`, 'page_key')
    .addSelect(`row_number() OVER (ORDER BY ${key} ${direction}${order ? `, ${alias}.id DESC` : ''})`, 'page_rank')
    .orderBy(key, direction)
    .limit(page.first + 1);
  if (order) pageQuery.addOrderBy(`${alias}.id`, 'DESC');
  if (page.after) {
    if (order) {
      const { lastKey, lastId } = afterKey(page.after);
      const beyond = direction === 'DESC' ? '<' : '>';
      pageQuery.andWhere(`(${key} ${beyond} :pageKey OR (${key} = :pageKey AND ${alias}.id < :pageId))`, { pageKey: lastKey, pageId: lastId });
    } else {
      pageQuery.andWhere(`${alias}.id < :lastId`, { lastId: afterId(page.after) });
    }
  }
  const pageRows = await perTerritory<{ id: string; page_key: string; page_rank: string }, T>(pageQuery, codes);
  const ids = [...new Set(pageRows.map((row) => row.id))];
  const entities = await query.clone().orderBy().andWhere(`${alias}.id = ANY(:territoryPageIds)`, { territoryPageIds: ids }).getMany();
  const byId = new Map(entities.map((entity) => [entity.id, entity]));

  const countOf = new Map(counts.map((row) => [row.root, Number(row.n)]));
  const rowsOf = groupBy(pageRows, (row) => row.root);
  return codes.map((code) => {
    const rows = (rowsOf.get(code) ?? []).sort((a, b) => Number(a.page_rank) - Number(b.page_rank));
    const shown = rows.slice(0, page.first);
    const last = shown.at(-1);
    return {
      nodes: shown.map((row) => byId.get(row.id)!),
      totalCount: countOf.get(code) ?? 0,
      pageInfo: {
        hasNextPage: rows.length > page.first,
        endCursor: last ? encodeCursor(order ? [last.page_key, last.id] : [last.id]) : null,
      },
    };
  });
}

/** Runs `inner` once per territory code in one statement (a lateral join); `territory_batch.root` is the code. */
async function perTerritory<R, E extends ObjectLiteral = ObjectLiteral>(inner: SelectQueryBuilder<E>, codes: readonly string[]): Promise<Array<R & { root: string }>> {
  const [sql, params] = inner.getQueryAndParameters();
  params.push([...codes]);
  return inner.connection.query(
    `SELECT territory_batch.root, p.* FROM unnest(CAST($${params.length} AS text[])) AS territory_batch(root) CROSS JOIN LATERAL (${sql}) p`,
    params,
  );
}

/**
 * The `list` of territoryConnectionResolver from a `listWithin` answering many territories at once,
 * batched per request and per (argument, page).
 */
export function territoryListBatch<C extends SubgraphContext, A, R>(
  listWithin: (ctx: C, codes: string[], argument: A | null | undefined, page: PageRequest) => Promise<R[]>,
): (ctx: C, code: string, argument: A | null | undefined, page: PageRequest) => Promise<R> {
  const batch = territoryBatch((ctx: C, codes, { argument, page }: { argument: A | null | undefined; page: PageRequest }) => listWithin(ctx, codes, argument, page));
  return (ctx, code, argument, page) => batch(ctx, code, { argument, page });
}
