import type { EntityManager } from 'typeorm';
import type { InitiativeEntity } from './initiative.entity';

/*
 * How much of an initiative's estimate is covered: its budget decision plus active pledges.
 * The move to IN_PROGRESS (initiative) and a new pledge (initiative-pledge) both ask, so the
 * answer lives here and pledges depend on the initiative, never the other way round.
 */

/** Active pledges of one initiative, read inside the caller's transaction. */
export async function pledgedIn(manager: EntityManager, initiativeId: string): Promise<number> {
  const [{ pledged }] = await manager.query(
    `SELECT coalesce(sum(amount), 0)::text AS pledged FROM initiative_pledge WHERE initiative_id = $1 AND status = 'ACTIVE'`,
    [initiativeId],
  );
  return Number(pledged);
}

/** What is still missing of the estimate once pledges and the budget decision are counted. */
export function remainingOf(initiative: Pick<InitiativeEntity, 'estimate' | 'budgetAmount'>, pledged: number): number {
  return Math.max(0, initiative.estimate - initiative.budgetAmount - pledged);
}
