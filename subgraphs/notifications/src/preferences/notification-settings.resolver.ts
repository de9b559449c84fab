import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { NotificationsContext } from '../context';
import { UpdateNotificationSettingsInput } from './notification-settings.input';
import { NotificationSettingsService } from './notification-settings.service';
import { NotificationSettings } from './notification-settings.type';

@Resolver(() => NotificationSettings)
export class NotificationSettingsResolver {
  @Authorized()
  @Query(() => NotificationSettings, { description: 'The signed-in person’s notification settings (language, contact e-mail, mail mode, kinds and channels)' })
  myNotificationSettings(@Ctx() ctx: NotificationsContext) {
    return new NotificationSettingsService(ctx).mine();
  }

  @Authorized()
  @Mutation(() => NotificationSettings, { description: 'Changes the signed-in person’s notification settings; an e-mail is kept only with consent' })
  updateNotificationSettings(@Arg('input', () => UpdateNotificationSettingsInput) input: UpdateNotificationSettingsInput, @Ctx() ctx: NotificationsContext) {
    return new NotificationSettingsService(ctx).update(input);
  }
}
