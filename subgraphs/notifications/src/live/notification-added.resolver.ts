import { badUserInput } from '@rz/schema';
import { requireViewer } from '@rz/subgraph-runtime';
import { Arg, Ctx, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { NotificationsContext } from '../context';
import type { NotificationEntity } from '../inbox/notification.entity';
import { Notification } from '../inbox/notification.type';

function cursorFrom(after: string | null | undefined): bigint | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,19}$/.test(after)) throw badUserInput('after', 'Malformed cursor: pass the cursor of a notification you received');
  return BigInt(after);
}

@Resolver(() => Notification)
export class NotificationAddedResolver {
  @Subscription(() => Notification, {
    description:
      "The viewer's own new notifications, as they arrive (signed-in only). Pass `after` (a notification's cursor) to first " +
      'receive those since then, then continue live, with no gap and no repeat.',
    subscribe: ({ args, context }) => {
      const ctx = context as NotificationsContext;
      const viewer = requireViewer(ctx.viewer);
      return ctx.services.notificationStream.subscribe(viewer.subject, cursorFrom((args as { after?: string | null }).after));
    },
  })
  notificationAdded(
    @Root() notification: NotificationEntity,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last notification received' }) _after?: string,
  ): NotificationEntity {
    return notification;
  }

  @Query(() => String, {
    description:
      'Cursor of the newest notification of anyone (it tells nothing about whose). Load the inbox, then subscribe to ' +
      '`notificationAdded` with this as `after`: nothing that arrives in between is missed.',
  })
  notificationAddedCursor(@Ctx() ctx: NotificationsContext): Promise<string> {
    return ctx.services.notificationStream.head();
  }
}
