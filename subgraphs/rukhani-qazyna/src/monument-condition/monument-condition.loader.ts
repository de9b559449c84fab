import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import { MonumentConditionAssessmentEntity } from './monument-condition.entity';

/** Condition history per monument, latest first, one query per request tick. */
export function conditionHistoryLoader({ db }: SubgraphContext): DataLoader<string, MonumentConditionAssessmentEntity[]> {
  return new DataLoader(async (monumentIds) => {
    const rows = await db.getRepository(MonumentConditionAssessmentEntity).find({
      where: { monumentId: In([...monumentIds]) },
      order: { assessedOn: 'DESC', id: 'DESC' },
    });
    const byMonument = new Map<string, MonumentConditionAssessmentEntity[]>();
    for (const row of rows) byMonument.set(row.monumentId, [...(byMonument.get(row.monumentId) ?? []), row]);
    return monumentIds.map((id) => byMonument.get(id) ?? []);
  });
}
