import { byIdLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { VolunteerEntity } from './volunteer.entity';

/** Volunteers by id; missing or malformed ids resolve to null. */
export const volunteerByIdLoader = byIdLoader(VolunteerEntity);

export interface VolunteerStats {
  peopleHelped: number;
  confirmedHelpCount: number;
  positiveReviews: number;
  negativeReviews: number;
}

/** Confirmed help and reviews per volunteer: one query for a whole page. */
export function volunteerStatsLoader({ db }: SubgraphContext): DataLoader<string, VolunteerStats> {
  return new DataLoader(async (ids) => {
    const rows: { id: string; people: number; records: number; positive: number; negative: number }[] = await db.query(
      `SELECT v.id,
         coalesce((SELECT sum(people_helped) FROM volunteer_help_record h WHERE h.volunteer_id = v.id AND h.status = 'CONFIRMED'), 0)::int AS people,
         (SELECT count(*) FROM volunteer_help_record h WHERE h.volunteer_id = v.id AND h.status = 'CONFIRMED')::int AS records,
         (SELECT count(*) FROM volunteer_review r WHERE r.volunteer_id = v.id AND r.positive)::int AS positive,
         (SELECT count(*) FROM volunteer_review r WHERE r.volunteer_id = v.id AND NOT r.positive)::int AS negative
       FROM volunteer v WHERE v.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => {
      const r = byId.get(id);
      return { peopleHelped: r?.people ?? 0, confirmedHelpCount: r?.records ?? 0, positiveReviews: r?.positive ?? 0, negativeReviews: r?.negative ?? 0 };
    });
  });
}
