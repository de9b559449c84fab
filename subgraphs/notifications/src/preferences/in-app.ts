/**
 * SQL condition: the notification row `alias` is shown in its recipient's inbox and live feed, i.e.
 * they have not switched IN_APP off for its kind. The row is still stored (its mail and its dedupe
 * key depend on it); switching IN_APP on again shows it.
 */
export function shownInApp(alias: string): string {
  return `NOT EXISTS (SELECT 1 FROM notification_preference in_app_off WHERE in_app_off.subject = ${alias}.recipient_subject AND in_app_off.kind = ${alias}.kind AND in_app_off.channel = 'IN_APP' AND NOT in_app_off.enabled)`;
}
