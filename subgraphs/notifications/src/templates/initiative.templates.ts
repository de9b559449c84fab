import type { NotificationLanguage } from '@rz/contract';
import { named } from './complaint.templates';
import { param, territoryName, type Template } from './template';

const STATUS: Record<string, Record<NotificationLanguage, string>> = {
  IN_PROGRESS: { kk: 'мақұлданды, жұмыс басталды', ru: 'одобрена, работа началась', en: 'approved, work has started' },
  IMPLEMENTED: { kk: 'жүзеге асырылды', ru: 'реализована', en: 'implemented' },
  REJECTED: { kk: 'қабылданбады', ru: 'отклонена', en: 'rejected' },
};

/** params: initiativeId, status, territoryCode. */
export const initiativeStatusChanged: Template = (params, lang) => {
  const status = named(STATUS, param(params, 'status'), lang);
  const place = territoryName(param(params, 'territoryCode'), lang);
  const texts: Record<NotificationLanguage, { title: string; body: string }> = {
    kk: { title: `Бастамаңыз: ${status}`, body: `Сіздің бастамаңыз (${place}) — ${status}. Толығы бастама бетінде.` },
    ru: { title: `Ваша инициатива: ${status}`, body: `Ваша инициатива (${place}) — ${status}. Подробности на странице инициативы.` },
    en: { title: `Your initiative: ${status}`, body: `Your initiative (${place}) is ${status}. See its page for details.` },
  };
  return { ...texts[lang], path: `/initiatives/${param(params, 'initiativeId')}` };
};

/** params: initiativeId, estimate (tenge), territoryCode. */
export const initiativeEstimateCovered: Template = (params, lang) => {
  const place = territoryName(param(params, 'territoryCode'), lang);
  const estimate = Number(param(params, 'estimate')).toLocaleString('ru-RU');
  const texts: Record<NotificationLanguage, { title: string; body: string }> = {
    kk: { title: 'Бастаманың сметасы толық жабылды', body: `Жарналар мен бюджет бастаманың (${place}) сметасын толық жапты — ${estimate} теңге. Қатысқаныңызға рахмет!` },
    ru: { title: 'Смета инициативы полностью покрыта', body: `Вклады и бюджет покрыли смету инициативы (${place}) — ${estimate} тенге. Спасибо за участие!` },
    en: { title: 'The initiative\'s estimate is covered', body: `Pledges and the budget now cover the initiative's estimate (${place}), ${estimate} tenge. Thank you!` },
  };
  return { ...texts[lang], path: `/initiatives/${param(params, 'initiativeId')}` };
};
