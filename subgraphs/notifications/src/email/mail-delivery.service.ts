import { forbidden } from '@rz/schema';
import { hasRole, paginate, requireViewer, Role } from '@rz/subgraph-runtime';
import type { NotificationsContext } from '../context';
import { MailDeliveryEntity } from './mail-delivery.entity';
import { MailDeliveryStatus, type MailDeliveryCount } from './mail-delivery.type';

export class MailDeliveryService {
  constructor(private readonly ctx: NotificationsContext) {}

  private requireAdmin(): void {
    const viewer = requireViewer(this.ctx.viewer);
    if (!hasRole(viewer, Role.ADMIN)) throw forbidden('Only admins see mail deliveries');
  }

  /** Newest first, optionally of one state. */
  list(args: { status?: MailDeliveryStatus | null; first: number; after?: string | null }) {
    this.requireAdmin();
    const query = this.ctx.db.getRepository(MailDeliveryEntity).createQueryBuilder('d');
    if (args.status) query.where('d.status = :status', { status: args.status });
    return paginate(query, args);
  }

  async counts(): Promise<MailDeliveryCount[]> {
    this.requireAdmin();
    const rows: { status: MailDeliveryStatus; count: number }[] = await this.ctx.db.query(`SELECT status, count(*)::int AS count FROM mail_delivery GROUP BY status`);
    const byStatus = new Map(rows.map((r) => [r.status, r.count]));
    return Object.values(MailDeliveryStatus).map((status) => ({ status, count: byStatus.get(status) ?? 0 }));
  }
}
