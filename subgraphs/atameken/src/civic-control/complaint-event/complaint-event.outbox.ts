import type { EntityManager } from 'typeorm';
import type { ComplaintEntity } from '../complaint/complaint.entity';
import type { ComplaintStatusChangeEntity } from '../complaint/complaint-status-change.entity';

export const COMPLAINT_EVENT_CHANNEL = 'complaint_event';

/** Any constant works: it only has to be the same for every writer of the outbox. */
const OUTBOX_WRITE_LOCK = 7_340_001;

/**
 * Appends a status change to the outbox inside the caller's transaction.
 * Writers are serialised so event ids commit in increasing order: a reader that
 * has seen id N never later finds a smaller id committed (no gaps on replay).
 * NOTIFY is transactional, so a change is announced exactly when it commits.
 */
export async function appendComplaintEvent(
  manager: EntityManager,
  complaint: Pick<ComplaintEntity, 'id' | 'territoryCode' | 'topic'>,
  change: Pick<ComplaintStatusChangeEntity, 'id' | 'from' | 'to' | 'byRole' | 'comment' | 'at'>,
): Promise<void> {
  await manager.query('SELECT pg_advisory_xact_lock($1)', [OUTBOX_WRITE_LOCK]);
  const [{ id }] = await manager.query(
    `INSERT INTO complaint_event (change_id, complaint_id, territory_code, topic, from_status, to_status, by_role, comment, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [change.id, complaint.id, complaint.territoryCode, complaint.topic, change.from, change.to, change.byRole, change.comment, change.at],
  );
  await manager.query('SELECT pg_notify($1, $2)', [COMPLAINT_EVENT_CHANNEL, String(id)]);
}
