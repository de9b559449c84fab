import type { NotificationLanguage } from '@rz/contract';
import { param, territoryName, type Template } from './template';

/** Status names as the portal shows them. */
const STATUS: Record<string, Record<NotificationLanguage, string>> = {
  SUBMITTED: { kk: 'жіберілді', ru: 'подано', en: 'submitted' },
  ACCEPTED: { kk: 'қабылданды', ru: 'принято', en: 'accepted' },
  IN_PROGRESS: { kk: 'орындалуда', ru: 'в работе', en: 'in progress' },
  RESOLVED: { kk: 'шешілді', ru: 'решено', en: 'resolved' },
  RESOLVED_BY_CITIZENS: { kk: 'азаматтар шешті', ru: 'решено жителями', en: 'resolved by citizens' },
  REJECTED: { kk: 'қабылданбады', ru: 'отклонено', en: 'rejected' },
  DUPLICATE: { kk: 'қайталама', ru: 'дубликат', en: 'duplicate' },
};

export const TOPIC: Record<string, Record<NotificationLanguage, string>> = {
  HOUSING_AND_UTILITIES: { kk: 'ТКШ', ru: 'ЖКХ', en: 'housing and utilities' },
  ROADS: { kk: 'жолдар', ru: 'дороги', en: 'roads' },
  TRANSPORT: { kk: 'көлік', ru: 'транспорт', en: 'transport' },
  ECOLOGY: { kk: 'экология', ru: 'экология', en: 'ecology' },
  PUBLIC_AMENITIES: { kk: 'абаттандыру', ru: 'благоустройство', en: 'public amenities' },
  MONUMENT_DAMAGE: { kk: 'ескерткіштің зақымдануы', ru: 'повреждение памятника', en: 'monument damage' },
  OTHER: { kk: 'басқа', ru: 'другое', en: 'other' },
};

export function named(names: Record<string, Record<NotificationLanguage, string>>, code: string, lang: NotificationLanguage): string {
  return names[code]?.[lang] ?? code;
}

/** params: complaintId, topic, fromStatus, toStatus, territoryCode. */
export const complaintStatusChanged: Template = (params, lang) => {
  const to = named(STATUS, param(params, 'toStatus'), lang);
  const topic = named(TOPIC, param(params, 'topic'), lang);
  const place = territoryName(param(params, 'territoryCode'), lang);
  const texts: Record<NotificationLanguage, { title: string; body: string }> = {
    kk: { title: `Өтінішіңіз: ${to}`, body: `«${topic}» тақырыбындағы өтінішіңіздің (${place}) мәртебесі өзгерді: ${to}.` },
    ru: { title: `Ваше обращение: ${to}`, body: `Статус вашего обращения по теме «${topic}» (${place}) изменился: ${to}.` },
    en: { title: `Your complaint: ${to}`, body: `The status of your complaint about ${topic} (${place}) changed to ${to}.` },
  };
  return { ...texts[lang], path: `/complaints/${param(params, 'complaintId')}` };
};
