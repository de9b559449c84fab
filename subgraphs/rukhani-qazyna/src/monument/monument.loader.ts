import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { MonumentEntity } from './monument.entity';

/** Monuments by id, one query per request tick; missing ids resolve to null. */
export function monumentByIdLoader({ db }: SubgraphContext): DataLoader<string, MonumentEntity | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.getRepository(MonumentEntity).findBy({ id: In([...ids]) });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
