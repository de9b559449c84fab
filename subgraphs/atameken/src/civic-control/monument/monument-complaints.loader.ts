import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { OPEN_COMPLAINT_STATUSES } from '../complaint/complaint.lifecycle';

/** Open complaints per monument: one grouped query for a whole list of monuments. */
export function openComplaintCountByMonumentLoader({ db }: SubgraphContext): DataLoader<string, number> {
  return new DataLoader(async (monumentIds) => {
    const valid = monumentIds.filter((id) => isUUID(id));
    const rows: { monument_id: string; n: number }[] = valid.length
      ? await db.query(
          `SELECT monument_id, count(*)::int AS n FROM complaint WHERE monument_id = ANY($1) AND status = ANY($2) GROUP BY monument_id`,
          [valid, OPEN_COMPLAINT_STATUSES],
        )
      : [];
    const byMonument = new Map(rows.map((r) => [r.monument_id, r.n]));
    return monumentIds.map((id) => byMonument.get(id) ?? 0);
  });
}
