import type { NotificationKind, NotificationLanguage, NotificationParams } from '@rz/contract';
import { renderNotification } from '../templates/templates';

/** A rendered mail: subject, plain text and HTML, and the one-click unsubscribe URL for its headers. */
export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
}

/** Words the mail frame adds around a notification's own texts. */
const FRAME: Record<NotificationLanguage, { open: string; why: string; unsubscribeKind: string; unsubscribeAll: string; digest: (day: string) => string; platform: string }> = {
  kk: {
    open: 'Порталда ашу',
    why: 'Бұл хатты «Рухани жаңғыру» порталындағы хабарлама баптауларыңызға сәйкес алдыңыз.',
    unsubscribeKind: 'Мұндай хаттардан бас тарту',
    unsubscribeAll: 'Барлық хаттардан бас тарту',
    digest: (day) => `${day} күнгі хабарламалар`,
    platform: 'Рухани жаңғыру',
  },
  ru: {
    open: 'Открыть на портале',
    why: 'Вы получили это письмо согласно вашим настройкам уведомлений на портале «Рухани жаңғыру».',
    unsubscribeKind: 'Отписаться от таких писем',
    unsubscribeAll: 'Отписаться от всех писем',
    digest: (day) => `Уведомления за ${day}`,
    platform: 'Рухани жаңғыру',
  },
  en: {
    open: 'Open on the portal',
    why: 'You receive this mail because of your notification settings on the Rukhani Zhangyru portal.',
    unsubscribeKind: 'Unsubscribe from these mails',
    unsubscribeAll: 'Unsubscribe from all mails',
    digest: (day) => `Your notifications of ${day}`,
    platform: 'Rukhani Zhangyru',
  },
};

/** Everything interpolated into HTML goes through this: titles and params are data, never markup. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The person's language, else the hint of the request that caused the notification, else Kazakh. */
export function mailLanguage(profileLanguage: NotificationLanguage | null, hint: NotificationLanguage | null): NotificationLanguage {
  return profileLanguage ?? hint ?? 'kk';
}

function html(lang: NotificationLanguage, title: string, content: string, unsubscribeLabel: string, unsubscribeUrl: string): string {
  const f = FRAME[lang];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="font-family:sans-serif;line-height:1.5;max-width:40em">
<p style="color:#666">${escapeHtml(f.platform)}</p>
${content}
<hr><p style="color:#666;font-size:small">${escapeHtml(f.why)}<br><a href="${escapeHtml(unsubscribeUrl)}">${escapeHtml(unsubscribeLabel)}</a></p>
</body></html>`;
}

/** One notification as a mail: its title as the subject, its text, a link to it, and a footer to unsubscribe from its kind. */
export function renderNotificationMail(
  n: { kind: NotificationKind; params: NotificationParams },
  lang: NotificationLanguage,
  links: { publicBaseUrl: string; unsubscribeUrl: string },
): RenderedMail {
  const { title, body, path } = renderNotification(n.kind, n.params, lang);
  const f = FRAME[lang];
  const url = `${links.publicBaseUrl}${path}`;
  return {
    subject: title,
    text: `${body}\n\n${f.open}: ${url}\n\n-- \n${f.why}\n${f.unsubscribeKind}: ${links.unsubscribeUrl}\n`,
    html: html(lang, title, `<h1 style="font-size:1.3em">${escapeHtml(title)}</h1>\n<p>${escapeHtml(body)}</p>\n<p><a href="${escapeHtml(url)}">${escapeHtml(f.open)}</a></p>`, f.unsubscribeKind, links.unsubscribeUrl),
    unsubscribeUrl: links.unsubscribeUrl,
  };
}

/** One day's notifications in one mail, each title linked; the footer's link stops all mails. */
export function renderDigestMail(
  day: string,
  notifications: { kind: NotificationKind; params: NotificationParams }[],
  lang: NotificationLanguage,
  links: { publicBaseUrl: string; unsubscribeUrl: string },
): RenderedMail {
  const f = FRAME[lang];
  const items = notifications.map((n) => {
    const { title, body, path } = renderNotification(n.kind, n.params, lang);
    return { title, body, url: `${links.publicBaseUrl}${path}` };
  });
  const subject = `${f.digest(day)} (${items.length})`;
  return {
    subject,
    text: `${items.map((i) => `* ${i.title}\n  ${i.body}\n  ${i.url}`).join('\n\n')}\n\n-- \n${f.why}\n${f.unsubscribeAll}: ${links.unsubscribeUrl}\n`,
    html: html(
      lang,
      subject,
      `<h1 style="font-size:1.3em">${escapeHtml(f.digest(day))}</h1>\n<ul>\n${items.map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a><br>${escapeHtml(i.body)}</li>`).join('\n')}\n</ul>`,
      f.unsubscribeAll,
      links.unsubscribeUrl,
    ),
    unsubscribeUrl: links.unsubscribeUrl,
  };
}
