import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { ComplaintStatusChangeEntity } from './complaint-status-change.entity';

/** Status history of complaints by complaint id, oldest first: one query for a whole page. */
export function complaintHistoryLoader({ db }: SubgraphContext): DataLoader<string, ComplaintStatusChangeEntity[]> {
  return new DataLoader(async (complaintIds) => {
    const rows = await db.getRepository(ComplaintStatusChangeEntity).find({
      where: { complaintId: In([...complaintIds]) },
      order: { at: 'ASC', id: 'ASC' },
    });
    const byComplaint = new Map<string, ComplaintStatusChangeEntity[]>();
    for (const row of rows) {
      const list = byComplaint.get(row.complaintId) ?? [];
      list.push(row);
      byComplaint.set(row.complaintId, list);
    }
    return complaintIds.map((id) => byComplaint.get(id) ?? []);
  });
}
