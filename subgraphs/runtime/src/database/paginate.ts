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
  if (page.after) {
    const [lastId] = decodeCursor(page.after);
    if (typeof lastId !== 'string' || !isUuid(lastId)) throw badUserInput('after', 'Malformed cursor: pass the endCursor of a previous page');
    pageQuery.andWhere(`${alias}.id < :lastId`, { lastId });
  }
  const rows = await pageQuery.getMany();
  const nodes = rows.slice(0, page.first);
  const last = nodes.at(-1);
  return {
    nodes,
    totalCount,
    pageInfo: { hasNextPage: rows.length > page.first, endCursor: last ? encodeCursor([last.id]) : null },
  };
}
