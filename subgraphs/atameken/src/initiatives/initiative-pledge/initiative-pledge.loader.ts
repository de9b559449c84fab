import { listByKeyLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { InitiativePledgeEntity } from './initiative-pledge.entity';
import { InitiativePledgeStatus } from './initiative-pledge.type';

export interface PledgeTotals {
  pledged: number;
  count: number;
}

/** Active pledges summed per initiative: one grouped query for a whole page. */
export function pledgeTotalsLoader({ db }: SubgraphContext): DataLoader<string, PledgeTotals> {
  return new DataLoader(async (initiativeIds) => {
    const rows: { initiative_id: string; pledged: string; n: number }[] = await db.query(
      `SELECT initiative_id, sum(amount)::text AS pledged, count(*)::int AS n
       FROM initiative_pledge WHERE initiative_id = ANY($1) AND status = 'ACTIVE' GROUP BY initiative_id`,
      [initiativeIds],
    );
    const byInitiative = new Map(rows.map((r) => [r.initiative_id, { pledged: Number(r.pledged), count: r.n }]));
    return initiativeIds.map((id) => byInitiative.get(id) ?? { pledged: 0, count: 0 });
  });
}

/** Active pledges per initiative, oldest first. */
export const activePledgesLoader = listByKeyLoader(InitiativePledgeEntity, 'initiativeId', {
  where: { status: InitiativePledgeStatus.ACTIVE },
  order: { id: 'ASC' },
});
