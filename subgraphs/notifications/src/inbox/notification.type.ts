import { NOTIFICATION_KINDS, type NotificationKind } from '@rz/contract';
import { Connection } from '@rz/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** The contract's kinds as a GraphQL enum (values equal names). */
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, kind])) as { [K in NotificationKind]: K };
registerEnumType(NotificationKindEnum, { name: 'NotificationKind', description: 'What a notification tells about' });

@ObjectType({ description: 'What a notification is about: a type of the graph and its id' })
export class NotificationAbout {
  @Field(() => String, { description: 'e.g. Complaint' }) type: string;
  @Field(() => ID) id: string;
}

/** Root value: NotificationEntity; about, title, body, path and cursor are resolved in NotificationResolver. */
@ObjectType({ description: "An entry of the viewer's own inbox" })
export class Notification {
  @Field(() => ID) id: string;
  @Field(() => NotificationKindEnum) kind: NotificationKind;
  @Field(() => Date, { description: 'When the thing it tells about happened' }) occurredAt: Date;
  @Field(() => Date, { nullable: true, description: 'When the viewer marked it read; null while unread' }) readAt: Date | null;
}

@ObjectType()
export class NotificationConnection extends Connection(Notification) {
  @Field(() => Int, { description: "Unread notifications in the viewer's whole inbox" })
  unreadCount: number;
}

@ObjectType()
export class MarkNotificationsReadResult {
  @Field(() => Int, { description: 'Notifications marked read by this call (already read ones are not counted)' }) updated: number;
  @Field(() => Int, { description: 'Unread notifications left' }) unreadCount: number;
}
