import { graphql } from '../gql';

/**
 * The signed-in person's inbox, newest first, and the live feed's starting point: subscribe to
 * NotificationAdded with `after: notificationAddedCursor` so nothing between the two is missed.
 */
graphql(`
  query MyNotifications($first: Int!, $after: String, $unreadOnly: Boolean!) {
    notificationAddedCursor
    myNotifications(first: $first, after: $after, unreadOnly: $unreadOnly) {
      totalCount
      unreadCount
      pageInfo { hasNextPage endCursor }
      nodes { id kind title body path occurredAt readAt cursor about { type id } }
    }
  }
`);

/** The person's own new notifications, live; pass the last `cursor` received as `after` when resubscribing. */
graphql(`
  subscription NotificationAdded($after: String) {
    notificationAdded(after: $after) { id kind title body path occurredAt readAt cursor about { type id } }
  }
`);

/** Marks the given notifications read, or all of them with `all: true`. */
graphql(`
  mutation MarkNotificationsRead($ids: [ID!], $all: Boolean) {
    markNotificationsRead(ids: $ids, all: $all) { updated unreadCount }
  }
`);

/** Language, contact e-mail (kept only with consent), mail mode and each kind's channels. */
graphql(`
  fragment NotificationSettingsFields on NotificationSettings {
    language
    email
    emailConsentAt
    mailMode
    preferences { kind channel enabled }
  }
`);

graphql(`
  query MyNotificationSettings {
    myNotificationSettings { ...NotificationSettingsFields }
  }
`);

graphql(`
  mutation UpdateNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateNotificationSettings(input: $input) { ...NotificationSettingsFields }
  }
`);
