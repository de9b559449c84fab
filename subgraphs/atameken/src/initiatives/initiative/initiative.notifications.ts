import type { Lang } from '@rz/schema';
import { enqueueNotification, enqueueNotifications } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import type { InitiativeEntity } from './initiative.entity';
import { InitiativeStatus } from './initiative.enums';
import { pledgedIn } from './initiative.funding';

/** What the author hears about: the akimat's decisions, not their own withdrawal. */
const TOLD_TO_AUTHOR: readonly InitiativeStatus[] = [InitiativeStatus.IN_PROGRESS, InitiativeStatus.IMPLEMENTED, InitiativeStatus.REJECTED];

/** Tells the author their initiative moved on, in the change's transaction; each status is reached once. */
export async function notifyInitiativeStatus(
  manager: EntityManager,
  initiative: Pick<InitiativeEntity, 'id' | 'status' | 'authorSubject' | 'territoryCode'>,
  language: Lang | null | undefined,
): Promise<void> {
  if (!TOLD_TO_AUTHOR.includes(initiative.status)) return;
  await enqueueNotification(manager, {
    dedupeKey: `initiative-status:${initiative.id}:${initiative.status}`,
    recipientSubject: initiative.authorSubject,
    kind: 'INITIATIVE_STATUS_CHANGED',
    about: { type: 'Initiative', id: initiative.id },
    params: { initiativeId: initiative.id, status: initiative.status, territoryCode: initiative.territoryCode },
    language: language ?? null,
  });
}

/**
 * Once pledges and the budget cover the estimate, tells each patron with an active pledge, once per
 * initiative and patron. Call after the pledge or budget is written, with the initiative row locked.
 */
export async function notifyIfEstimateCovered(
  manager: EntityManager,
  initiative: Pick<InitiativeEntity, 'id' | 'estimate' | 'budgetAmount' | 'territoryCode'>,
  language: Lang | null | undefined,
): Promise<void> {
  if (initiative.budgetAmount + (await pledgedIn(manager, initiative.id)) < initiative.estimate) return;
  const patrons: { subject: string }[] = await manager.query(
    `SELECT DISTINCT pledger_subject AS subject FROM initiative_pledge WHERE initiative_id = $1 AND status = 'ACTIVE' ORDER BY 1`,
    [initiative.id],
  );
  await enqueueNotifications(
    manager,
    patrons.map(({ subject }) => ({
      dedupeKey: `initiative-covered:${initiative.id}:${subject}`,
      recipientSubject: subject,
      kind: 'INITIATIVE_ESTIMATE_COVERED',
      about: { type: 'Initiative', id: initiative.id },
      params: { initiativeId: initiative.id, estimate: initiative.estimate, territoryCode: initiative.territoryCode },
      language: language ?? null,
    })),
  );
}
