import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';

export interface RatingStats {
  average: number | null;
  count: number;
  myScore: number | null;
}

/** Rating stats per initiative, with the viewer's own score: one grouped query for a whole page. */
export function ratingStatsLoader({ db, viewer }: SubgraphContext): DataLoader<string, RatingStats> {
  return new DataLoader(async (initiativeIds) => {
    const rows: { initiative_id: string; average: number; n: number; mine: number | null }[] = await db.query(
      `SELECT initiative_id, round(avg(score), 2)::float8 AS average, count(*)::int AS n,
              max(score) FILTER (WHERE rater_subject = $2)::int AS mine
       FROM initiative_rating WHERE initiative_id = ANY($1) GROUP BY initiative_id`,
      [initiativeIds, viewer?.subject ?? null],
    );
    const byInitiative = new Map(rows.map((r) => [r.initiative_id, { average: r.average, count: r.n, myScore: r.mine }]));
    return initiativeIds.map((id) => byInitiative.get(id) ?? { average: null, count: 0, myScore: null });
  });
}
