import type { NotificationLanguage } from '@rz/contract';
import { escapeHtml } from './mail-render';

const TEXT: Record<NotificationLanguage, { title: string; ask: string; askAll: string; button: string; done: string; doneAll: string; invalid: string; unavailable: string }> = {
  kk: {
    title: 'Хаттардан бас тарту',
    ask: 'Осы түрдегі хабарламалар туралы хаттарды енді алмайсыз. Порталдағы хабарламалар қала береді.',
    askAll: 'Хабарлама хаттарын енді алмайсыз. Порталдағы хабарламалар қала береді.',
    button: 'Бас тарту',
    done: 'Дайын: осы түрдегі хаттар енді жіберілмейді. Оны баптауларда қайта қосуға болады.',
    doneAll: 'Дайын: хаттар енді жіберілмейді. Оларды баптауларда қайта қосуға болады.',
    invalid: 'Сілтеме жарамсыз. Хаттағы сілтемені толық көшіріп көріңіз.',
    unavailable: 'Қызмет уақытша қолжетімсіз. Бірнеше минуттан кейін қайталап көріңіз.',
  },
  ru: {
    title: 'Отписка от писем',
    ask: 'Письма об уведомлениях этого вида больше не будут приходить. Уведомления на портале останутся.',
    askAll: 'Письма с уведомлениями больше не будут приходить. Уведомления на портале останутся.',
    button: 'Отписаться',
    done: 'Готово: письма этого вида больше не отправляются. Их можно снова включить в настройках.',
    doneAll: 'Готово: письма больше не отправляются. Их можно снова включить в настройках.',
    invalid: 'Ссылка недействительна. Попробуйте скопировать ссылку из письма целиком.',
    unavailable: 'Сервис временно недоступен. Попробуйте через несколько минут.',
  },
  en: {
    title: 'Unsubscribe',
    ask: 'You will no longer get mails about notifications of this kind. Notifications on the portal stay.',
    askAll: 'You will no longer get notification mails. Notifications on the portal stay.',
    button: 'Unsubscribe',
    done: 'Done: mails of this kind are no longer sent. You can turn them on again in your settings.',
    doneAll: 'Done: mails are no longer sent. You can turn them on again in your settings.',
    invalid: 'This link is not valid. Try copying the whole link from the mail.',
    unavailable: 'The service is temporarily unavailable. Try again in a few minutes.',
  },
};

function page(lang: NotificationLanguage, body: string): string {
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(TEXT[lang].title)}</title></head>
<body style="font-family:sans-serif;max-width:36em;margin:2em auto;line-height:1.5"><h1>${escapeHtml(TEXT[lang].title)}</h1>
${body}
</body></html>`;
}

/** GET: says what the link does and asks to confirm (a link checker's GET changes nothing). */
export function confirmPage(lang: NotificationLanguage, all: boolean, token: string): string {
  const t = TEXT[lang];
  return page(lang, `<p>${escapeHtml(all ? t.askAll : t.ask)}</p>
<form method="post" action="/unsubscribe?token=${encodeURIComponent(token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${escapeHtml(t.button)}</button></form>`);
}

export function donePage(lang: NotificationLanguage, all: boolean): string {
  const t = TEXT[lang];
  return page(lang, `<p>${escapeHtml(all ? t.doneAll : t.done)}</p>`);
}

export function invalidLinkPage(lang: NotificationLanguage): string {
  return page(lang, `<p>${escapeHtml(TEXT[lang].invalid)}</p>`);
}

export function unavailablePage(lang: NotificationLanguage): string {
  return page(lang, `<p>${escapeHtml(TEXT[lang].unavailable)}</p>`);
}
