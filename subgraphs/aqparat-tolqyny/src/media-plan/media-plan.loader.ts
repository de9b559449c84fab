import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { MediaPlanEntity } from './media-plan.entity';

/** Media plans by id, one query per request tick; unknown or malformed ids resolve to null. */
export function mediaPlanByIdLoader({ db }: SubgraphContext): DataLoader<string, MediaPlanEntity | null> {
  return new DataLoader(async (ids) => {
    // A malformed id would make PostgreSQL fail the whole batch.
    const valid = ids.filter((id) => isUUID(id));
    const rows = valid.length ? await db.getRepository(MediaPlanEntity).findBy({ id: In(valid) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
