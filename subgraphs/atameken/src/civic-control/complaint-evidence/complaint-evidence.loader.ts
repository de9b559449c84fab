import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { ComplaintEvidenceEntity } from './complaint-evidence.entity';

/** Evidence of complaints by complaint id, in attachment order: one query for a whole page. */
export function complaintEvidenceLoader({ db }: SubgraphContext): DataLoader<string, ComplaintEvidenceEntity[]> {
  return new DataLoader(async (complaintIds) => {
    const rows = await db.getRepository(ComplaintEvidenceEntity).find({
      where: { complaintId: In([...complaintIds]) },
      order: { complaintId: 'ASC', position: 'ASC' },
    });
    const byComplaint = new Map<string, ComplaintEvidenceEntity[]>();
    for (const row of rows) byComplaint.set(row.complaintId, [...(byComplaint.get(row.complaintId) ?? []), row]);
    return complaintIds.map((id) => byComplaint.get(id) ?? []);
  });
}
