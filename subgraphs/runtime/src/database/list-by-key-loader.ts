import DataLoader from 'dataloader';
import { In, type EntityTarget, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { LoaderFactory } from '../context';

/** Rows grouped by a key, each group in the rows' order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

export interface ListByKeyOptions<T> {
  /** The order of each list (rows are read in it, then grouped). */
  order?: FindOptionsOrder<T>;
  /** Further conditions on the rows, e.g. `{ status: 'ACTIVE' }`. */
  where?: FindOptionsWhere<T>;
}

/**
 * The rows of an entity whose `key` column holds each id (the many side of a relation, e.g.
 * the photos of each monument), one query per request tick; an id without rows gets [].
 * Declare one factory per relation at module level, like byIdLoader.
 */
export function listByKeyLoader<T extends ObjectLiteral, K extends keyof T & string>(
  entity: EntityTarget<T>,
  key: K,
  options: ListByKeyOptions<T> = {},
): LoaderFactory<DataLoader<string, T[]>> {
  return ({ db }) =>
    new DataLoader(async (ids) => {
      const where = { ...options.where, [key]: In([...ids]) } as FindOptionsWhere<T>;
      const byKey = groupBy(await db.getRepository(entity).find({ where, order: options.order }), (row) => String(row[key]));
      return ids.map((id) => byKey.get(id) ?? []);
    });
}
