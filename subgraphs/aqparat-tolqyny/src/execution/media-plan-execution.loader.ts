import { todayInKazakhstan } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { MediaItemEntity } from '../media-item/media-item.entity';
import { MediaChannel, MediaItemStatus } from '../media-item/media-item.enums';
import type { MediaPlanExecution } from './media-plan-execution.type';

interface Row {
  planId: string;
  channel: MediaChannel;
  status: MediaItemStatus;
  items: number;
  onTime: number;
  overdue: number;
  reach: string;
}

/** Execution figures of each plan from one grouped query for a whole page of plans. */
export function mediaPlanExecutionLoader({ db }: SubgraphContext): DataLoader<string, MediaPlanExecution> {
  return new DataLoader(async (planIds) => {
    const rows: Row[] = await db
      .getRepository(MediaItemEntity)
      .createQueryBuilder('i')
      .select('i.planId', 'planId')
      .addSelect('i.channel', 'channel')
      .addSelect('i.status', 'status')
      .addSelect('count(*)::int', 'items')
      .addSelect('(count(*) FILTER (WHERE i.publishedOn <= i.plannedDate))::int', 'onTime')
      .addSelect('(count(*) FILTER (WHERE i.plannedDate < :today))::int', 'overdue')
      // bigint: the sum of many reaches can pass 2^31.
      .addSelect('coalesce(sum(i.reach), 0)::bigint', 'reach')
      .where('i.planId IN (:...planIds)', { planIds })
      .setParameter('today', todayInKazakhstan())
      .groupBy('i.planId')
      .addGroupBy('i.channel')
      .addGroupBy('i.status')
      .getRawMany();
    return planIds.map((planId) => summarize(rows.filter((r) => r.planId === planId)));
  });
}

function summarize(rows: Row[]): MediaPlanExecution {
  const published = rows.filter((r) => r.status === MediaItemStatus.PUBLISHED);
  const planned = rows.filter((r) => r.status === MediaItemStatus.PLANNED);
  const total = <T>(list: T[], pick: (r: T) => number) => list.reduce((sum, r) => sum + pick(r), 0);
  const reachByChannel = Object.values(MediaChannel).map((channel) => {
    const ofChannel = published.filter((r) => r.channel === channel);
    return { channel, published: total(ofChannel, (r) => r.items), reach: total(ofChannel, (r) => Number(r.reach)) };
  });
  return {
    itemsPlanned: total(rows, (r) => r.items),
    publishedOnTime: total(published, (r) => r.onTime),
    publishedLate: total(published, (r) => r.items - r.onTime),
    cancelled: total(
      rows.filter((r) => r.status === MediaItemStatus.CANCELLED),
      (r) => r.items,
    ),
    pending: total(planned, (r) => r.items),
    overdue: total(planned, (r) => r.overdue),
    reach: total(reachByChannel, (c) => c.reach),
    reachByChannel,
  };
}
