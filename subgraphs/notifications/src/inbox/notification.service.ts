import { badUserInput, MAX_PAGE_SIZE, notFound } from '@rz/schema';
import { paginate, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import type { NotificationsContext } from '../context';
import { shownInApp } from '../preferences/in-app';
import { NotificationEntity } from './notification.entity';
import type { MarkNotificationsReadResult, NotificationConnection } from './notification.type';

/** The viewer's own inbox. Every statement is bound to the viewer's subject: nobody reads or marks another's rows. */
export class NotificationService {
  constructor(private readonly ctx: NotificationsContext) {}

  private get subject(): string {
    return requireViewer(this.ctx.viewer).subject;
  }

  async inbox(page: PageRequest, unreadOnly: boolean): Promise<Omit<NotificationConnection, 'nodes'> & { nodes: NotificationEntity[] }> {
    const subject = this.subject;
    const query = this.ctx.db.getRepository(NotificationEntity).createQueryBuilder('n').where('n.recipient_subject = :subject', { subject }).andWhere(shownInApp('n'));
    if (unreadOnly) query.andWhere('n.read_at IS NULL');
    const [connection, unreadCount] = await Promise.all([paginate(query, page), countUnread(this.ctx.db, subject)]);
    return { ...connection, unreadCount };
  }

  /** Marks the given notifications (or all) read; an id that is not the viewer's is not found and nothing changes. */
  async markRead(ids: string[] | null | undefined, all: boolean | null | undefined): Promise<MarkNotificationsReadResult> {
    const subject = this.subject;
    if (all && ids) throw badUserInput('all', 'Pass either ids or all: true, not both');
    if (!all && !ids?.length) throw badUserInput('ids', 'Pass the ids to mark read, or all: true');
    if (ids && ids.length > MAX_PAGE_SIZE) throw badUserInput('ids', `At most ${MAX_PAGE_SIZE} ids at a time`);
    const malformed = ids?.find((id) => !isUUID(id));
    if (malformed !== undefined) throw badUserInput('ids', 'ids must be notification ids', { id: malformed });
    return this.ctx.db.transaction(async (manager) => {
      let updated: number;
      if (all) {
        updated = (await manager.query(`UPDATE notification SET read_at = now() WHERE recipient_subject = $1 AND read_at IS NULL`, [subject]))[1];
      } else {
        const unique = [...new Set(ids)];
        const own: { id: string; unread: boolean }[] = await manager.query(
          `SELECT id, read_at IS NULL AS unread FROM notification WHERE id = ANY($1::uuid[]) AND recipient_subject = $2 FOR UPDATE`,
          [unique, subject],
        );
        // Another person's id answers exactly like one that does not exist.
        const missing = unique.find((id) => !own.some((row) => row.id === id));
        if (missing) throw notFound('Notification', missing, 'ids');
        const unread = own.filter((row) => row.unread).map((row) => row.id);
        if (unread.length) await manager.query(`UPDATE notification SET read_at = now() WHERE id = ANY($1::uuid[])`, [unread]);
        updated = unread.length;
      }
      return { updated, unreadCount: await countUnread(manager, subject) };
    });
  }
}

async function countUnread(runner: Pick<EntityManager, 'query'>, subject: string): Promise<number> {
  const [{ count }] = await runner.query(`SELECT count(*)::int AS count FROM notification n WHERE n.recipient_subject = $1 AND n.read_at IS NULL AND ${shownInApp('n')}`, [subject]);
  return count;
}
