import { badUserInput, decodeCursor, encodeCursor, type ConnectionShape } from '@rz/schema';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { validate as isUuid } from 'uuid';

export interface PageRequest {
  first: number;
  after?: string | null;
}

/**
 * Keyset pagination, newest first. Ids are UUIDv7, so their order is creation order
 * and a cursor is just the last id seen: pages stay stable while rows are added.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageRequest,
): Promise<ConnectionShape<T>> {
  const alias = query.alias;
  const totalCount = await query.clone().getCount();
  const pageQuery = query.clone().orderBy(`${alias}.id`, 'DESC').limit(page.first + 1);
  if (page.after) pageQuery.andWhere(`${alias}.id < :lastId`, { lastId: afterId(page.after) });
  const rows = await pageQuery.getMany();
  const nodes = rows.slice(0, page.first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: last ? encodeCursor([last.id]) : null },
  };
}

const MALFORMED = 'Malformed cursor: pass the endCursor of a previous page';

/** The last id of a paginate cursor. */
export function afterId(after: string): string {
  const [lastId] = decodeCursor(after);
  if (typeof lastId !== 'string' || !isUuid(lastId)) throw badUserInput('after', MALFORMED);
  return lastId;
}

/** The last key and id of a paginateBy cursor. */
export function afterKey(after: string): { lastKey: string; lastId: string } {
  const [lastKey, lastId] = decodeCursor(after);
  if (typeof lastKey !== 'string' || typeof lastId !== 'string' || !isUuid(lastId)) throw badUserInput('after', MALFORMED);
  return { lastKey, lastId };
}

/** A computed order for paginateBy: an SQL expression that is never NULL (coalesce it), with its parameters. */
export interface PageOrder {
  sql: string;
  direction: 'ASC' | 'DESC';
  params?: Record<string, unknown>;
}

/**
 * Keyset pagination by a computed key (relevance, due date, ...), ties newest first by id.
 * The cursor carries the last key, as PostgreSQL printed it, and the last id; the key is
 * compared in its own type, so give it an exact one (numeric, date, text), never a float.
 */
export async function paginateBy<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  page: PageRequest,
  order: PageOrder,
): Promise<ConnectionShape<T>> {
  const alias = query.alias;
  const key = `(${order.sql})`;
  const totalCount = await query.clone().setParameters(order.params ?? {}).getCount();
  const pageQuery = query
    .clone()
    .setParameters(order.params ?? {})
    .addSelect(`${key}::text`, 'page_key')
    .orderBy(key, order.direction)
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(page.first + 1);
  if (page.after) {
    const { lastKey, lastId } = afterKey(page.after);
    const beyond = order.direction === 'DESC' ? '<' : '>';
    // The parameter takes the key's type from the comparison.
    pageQuery.andWhere(`(${key} ${beyond} :pageKey OR (${key} = :pageKey AND ${alias}.id < :pageId))`, { pageKey: lastKey, pageId: lastId });
  }
  const { entities, raw } = await pageQuery.getRawAndEntities<{ page_key: string }>();
  const nodes = entities.slice(0, page.first);
  const last = nodes.length ? raw[nodes.length - 1] : undefined;
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: entities.length > page.first, endCursor: last ? encodeCursor([last.page_key, nodes.at(-1)!.id]) : null },
  };
}
