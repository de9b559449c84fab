import type { Lang } from '@rz/schema';
import { enqueueNotifications } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import type { ComplaintEntity } from './complaint.entity';

/**
 * SQL (lateral, over a complaint aliased `c`): the officers a complaint concerns, as `subject`:
 * the one who accepted it, else every officer of the akimat it was routed to.
 */
export const RESPONSIBLE_OFFICERS_SQL = `
  SELECT c.assigned_officer_subject AS subject WHERE c.assigned_officer_subject IS NOT NULL
  UNION
  SELECT o.officer_subject FROM akimat_officer o
   WHERE c.assigned_officer_subject IS NULL AND o.territory_code = c.responsible_territory_code`;

/** Tells each officer of the akimat a new complaint was routed to, in the filing's transaction. */
export async function notifyComplaintAssigned(
  manager: EntityManager,
  complaint: Pick<ComplaintEntity, 'id' | 'topic' | 'territoryCode' | 'responsibleTerritoryCode' | 'dueOn' | 'assignedOfficerSubject'>,
  language: Lang | null | undefined,
): Promise<void> {
  const officers: { subject: string }[] = await manager.query(
    `SELECT r.subject FROM (SELECT $1::text AS assigned_officer_subject, $2::text AS responsible_territory_code) c
       CROSS JOIN LATERAL (${RESPONSIBLE_OFFICERS_SQL}) r ORDER BY r.subject`,
    [complaint.assignedOfficerSubject, complaint.responsibleTerritoryCode],
  );
  await enqueueNotifications(
    manager,
    officers.map(({ subject }) => ({
      dedupeKey: `complaint-assigned:${complaint.id}:${subject}`,
      recipientSubject: subject,
      kind: 'COMPLAINT_ASSIGNED',
      about: { type: 'Complaint', id: complaint.id },
      // Never the complaint's text: citizens' words stay out of inboxes and mails.
      params: { complaintId: complaint.id, topic: complaint.topic, territoryCode: complaint.territoryCode, dueOn: complaint.dueOn },
      language: language ?? null,
    })),
  );
}
