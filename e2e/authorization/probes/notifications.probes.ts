import { type ProbeSet } from '../role-table.probe';

/** Each person's own inbox and settings: nothing to create first, every signed-in viewer has their own. */
export const notificationsProbes: ProbeSet = {
  subgraph: 'notifications',
  async fixtures() {
    return {};
  },
  probes: {
    myNotifications: { document: `{ myNotifications(first: 1) { totalCount unreadCount } }`, variables: () => ({}) },
    markNotificationsRead: { document: `mutation { markNotificationsRead(all: true) { updated unreadCount } }`, variables: () => ({}) },
    myNotificationSettings: { document: `{ myNotificationSettings { __typename } }`, variables: () => ({}) },
    updateNotificationSettings: {
      document: `mutation($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { __typename } }`,
      variables: () => ({ input: { language: 'RU' } }),
    },
    mailDeliveries: { document: `{ mailDeliveries(first: 1) { totalCount } }`, variables: () => ({}) },
    mailDeliveryCounts: { document: `{ mailDeliveryCounts { __typename } }`, variables: () => ({}) },
  },
};
