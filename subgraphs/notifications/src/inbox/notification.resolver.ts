import type { NotificationLanguage } from '@rz/contract';
import { Lang, PageArgs } from '@rz/schema';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { renderNotification } from '../templates/templates';
import type { NotificationEntity } from './notification.entity';
import { NotificationService } from './notification.service';
import { MarkNotificationsReadResult, Notification, NotificationAbout, NotificationConnection } from './notification.type';

/** The reader's language: the argument or request, else the language of the request that caused it, else Kazakh. */
function languageOf(n: NotificationEntity, lang: Lang | null | undefined): NotificationLanguage {
  return lang ?? n.language ?? Lang.KK;
}

@Resolver(() => Notification)
export class NotificationResolver {
  @Authorized()
  @Query(() => NotificationConnection, { description: "The viewer's own notifications, newest first" })
  myNotifications(
    @Args() page: PageArgs,
    @Arg('unreadOnly', () => Boolean, { defaultValue: false, description: 'Only those not marked read' }) unreadOnly: boolean,
    @Ctx() ctx: NotificationsContext,
  ) {
    return new NotificationService(ctx).inbox(page, unreadOnly);
  }

  @Authorized()
  @Mutation(() => MarkNotificationsReadResult, { description: "Marks the viewer's own notifications read: the given ids, or all of them" })
  markNotificationsRead(
    @Arg('ids', () => [ID], { nullable: true }) ids: string[] | null | undefined,
    @Arg('all', () => Boolean, { nullable: true }) all: boolean | null | undefined,
    @Ctx() ctx: NotificationsContext,
  ) {
    return new NotificationService(ctx).markRead(ids, all);
  }

  @FieldResolver(() => NotificationAbout)
  about(@Root() n: NotificationEntity): NotificationAbout {
    return { type: n.aboutType, id: n.aboutId };
  }

  @FieldResolver(() => String)
  title(@Root() n: NotificationEntity, @Arg('lang', () => Lang, { nullable: true }) lang?: Lang | null): string {
    return renderNotification(n.kind, n.params, languageOf(n, lang)).title;
  }

  @FieldResolver(() => String)
  body(@Root() n: NotificationEntity, @Arg('lang', () => Lang, { nullable: true }) lang?: Lang | null): string {
    return renderNotification(n.kind, n.params, languageOf(n, lang)).body;
  }

  @FieldResolver(() => String, { description: 'Where it leads in the portal, e.g. /complaints/<id>' })
  path(@Root() n: NotificationEntity): string {
    return renderNotification(n.kind, n.params, Lang.KK).path;
  }

  @FieldResolver(() => String, { description: 'Resume point of notificationAdded: pass it as `after` when resubscribing' })
  cursor(@Root() n: NotificationEntity): string {
    return n.seq;
  }
}
