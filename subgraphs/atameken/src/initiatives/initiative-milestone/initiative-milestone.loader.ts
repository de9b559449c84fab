import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { InitiativeMilestoneEntity } from './initiative-milestone.entity';

/** Milestones per initiative in the order they happened: one query for a whole page. */
export function initiativeMilestonesLoader({ db }: SubgraphContext): DataLoader<string, InitiativeMilestoneEntity[]> {
  return new DataLoader(async (initiativeIds) => {
    const rows = await db.getRepository(InitiativeMilestoneEntity).find({
      where: { initiativeId: In([...initiativeIds]) },
      order: { happenedOn: 'ASC', id: 'ASC' },
    });
    const byInitiative = new Map<string, InitiativeMilestoneEntity[]>();
    for (const row of rows) byInitiative.set(row.initiativeId, [...(byInitiative.get(row.initiativeId) ?? []), row]);
    return initiativeIds.map((id) => byInitiative.get(id) ?? []);
  });
}
