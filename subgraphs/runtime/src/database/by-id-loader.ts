import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { In, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { LoaderFactory } from '../context';

export type ByIdLoader<T> = DataLoader<string, T | null>;

/**
 * Rows of one entity by their UUID primary key `id`, one query per request tick, each key
 * answered in order; unknown and malformed ids resolve to null. Declare one factory per
 * entity at module level (`export const eventByIdLoader = byIdLoader(EventEntity)`), so the
 * per-request registry finds the same instance.
 */
export function byIdLoader<T extends ObjectLiteral & { id: string }>(entity: EntityTarget<T>): LoaderFactory<ByIdLoader<T>> {
  return ({ db }) =>
    new DataLoader(async (ids) => {
      // A malformed id would make PostgreSQL reject the whole batch; uuid values ignore case, so keys do too.
      const wellFormed = [...new Set(ids.filter((id) => isUUID(id)).map((id) => id.toLowerCase()))];
      const rows = wellFormed.length ? await db.getRepository(entity).findBy({ id: In(wellFormed) } as FindOptionsWhere<T>) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id.toLowerCase()) ?? null);
    });
}
