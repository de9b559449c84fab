import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';

/** Number of comments per complaint: one grouped query for a whole page. */
export function complaintCommentCountLoader({ db }: SubgraphContext): DataLoader<string, number> {
  return new DataLoader(async (complaintIds) => {
    const rows: { complaint_id: string; n: number }[] = await db.query(
      `SELECT complaint_id, count(*)::int AS n FROM complaint_comment WHERE complaint_id = ANY($1) GROUP BY complaint_id`,
      [complaintIds],
    );
    const byComplaint = new Map(rows.map((r) => [r.complaint_id, r.n]));
    return complaintIds.map((id) => byComplaint.get(id) ?? 0);
  });
}
