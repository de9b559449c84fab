import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { ComplaintEntity } from './complaint.entity';

/** Complaints by id, one query per request tick; missing or malformed ids resolve to null. */
export function complaintByIdLoader({ db }: SubgraphContext): DataLoader<string, ComplaintEntity | null> {
  return new DataLoader(async (ids) => {
    const valid = ids.filter((id) => isUUID(id));
    const rows = valid.length ? await db.getRepository(ComplaintEntity).findBy({ id: In(valid) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
