import { PageArgs } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { MailDeliveryService } from './mail-delivery.service';
import { MailDelivery, MailDeliveryConnection, MailDeliveryCount, MailDeliveryStatus } from './mail-delivery.type';

@Resolver(() => MailDelivery)
export class MailDeliveryResolver {
  @Authorized(Role.ADMIN)
  @Query(() => MailDeliveryConnection, { description: 'The mail queue, newest first (admins only): states, attempts and error codes, never addresses or texts' })
  mailDeliveries(
    @Arg('status', () => MailDeliveryStatus, { nullable: true }) status: MailDeliveryStatus | null,
    @Args() page: PageArgs,
    @Ctx() ctx: NotificationsContext,
  ) {
    return new MailDeliveryService(ctx).list({ status, ...page });
  }

  @Authorized(Role.ADMIN)
  @Query(() => [MailDeliveryCount], { description: 'How many mails are in each state (admins only)' })
  mailDeliveryCounts(@Ctx() ctx: NotificationsContext) {
    return new MailDeliveryService(ctx).counts();
  }
}
