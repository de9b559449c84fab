import type { Lang } from '@rz/schema';
import { enqueueNotification } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import type { ComplaintStatusChangeEntity } from './complaint-status-change.entity';
import type { ComplaintEntity } from './complaint.entity';

/**
 * Tells the complaint's author about a status change, in the change's transaction: once per change
 * (the change id is the dedupe key). Not the filing itself, nor what the author did themself (reopening).
 */
export async function notifyComplaintStatusChanged(
  manager: EntityManager,
  complaint: Pick<ComplaintEntity, 'id' | 'topic' | 'territoryCode' | 'authorSubject'>,
  change: Pick<ComplaintStatusChangeEntity, 'id' | 'from' | 'to' | 'bySubject' | 'at'>,
  language: Lang | null | undefined,
): Promise<void> {
  if (change.from === null || change.bySubject === complaint.authorSubject) return;
  await enqueueNotification(manager, {
    dedupeKey: `complaint-status:${change.id}`,
    recipientSubject: complaint.authorSubject,
    kind: 'COMPLAINT_STATUS_CHANGED',
    about: { type: 'Complaint', id: complaint.id },
    // Codes only: neither the complaint's text nor an officer's note reaches inboxes and mails.
    params: { complaintId: complaint.id, topic: complaint.topic, fromStatus: change.from, toStatus: change.to, territoryCode: complaint.territoryCode },
    language: language ?? null,
    occurredAt: change.at,
  });
}
