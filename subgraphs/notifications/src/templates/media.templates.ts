import type { NotificationLanguage } from '@rz/contract';
import { named } from './complaint.templates';
import { param, territoryName, type Template } from './template';

/** params: mediaPlanId, territoryCode, year, quarter (null for the whole year), submissionDeadline. */
export const mediaPlanReturned: Template = (params, lang) => {
  const place = territoryName(param(params, 'territoryCode'), lang);
  const quarter = param(params, 'quarter');
  const period = quarter
    ? { kk: `${param(params, 'year')} жылғы ${quarter}-тоқсан`, ru: `${quarter} квартал ${param(params, 'year')} г.`, en: `Q${quarter} ${param(params, 'year')}` }[lang]
    : { kk: `${param(params, 'year')} жыл`, ru: `${param(params, 'year')} год`, en: `${param(params, 'year')}` }[lang];
  const texts: Record<NotificationLanguage, { title: string; body: string }> = {
    kk: { title: 'Медиажоспар қайтарылды', body: `Жобалық кеңсе медиажоспарды (${place}, ${period}) ескертулермен қайтарды. Ескертулер жоспар бетінде.` },
    ru: { title: 'Медиаплан возвращён', body: `Проектный офис вернул медиаплан (${place}, ${period}) с замечаниями. Замечания — на странице плана.` },
    en: { title: 'Media plan returned', body: `The project office returned the media plan (${place}, ${period}) with remarks. See them on the plan's page.` },
  };
  return { ...texts[lang], path: `/media-plans/${param(params, 'mediaPlanId')}` };
};

const FACE_STATUS: Record<string, Record<NotificationLanguage, string>> = {
  SHORTLISTED: { kk: 'қысқа тізімге енді', ru: 'вошёл в шорт-лист', en: 'was shortlisted' },
  SELECTED: { kk: 'іріктелді', ru: 'отобран', en: 'was selected' },
  FEATURED: { kk: 'туралы материал жарияланды', ru: '— вышел материал', en: 'was featured in the media' },
};

/** params: faceId, status, name (published by the project), territoryCode. */
export const faceStatusChanged: Template = (params, lang) => {
  const name = param(params, 'name');
  const status = named(FACE_STATUS, param(params, 'status'), lang);
  const place = territoryName(param(params, 'territoryCode'), lang);
  const texts: Record<NotificationLanguage, { title: string; body: string }> = {
    kk: { title: `«100 жаңа есім»: ${name} ${status}`, body: `Сіз ұсынған ${name} (${place}) ${status}.` },
    ru: { title: `«100 новых лиц»: ${name} ${status}`, body: `Выдвинутый вами кандидат ${name} (${place}) ${status}.` },
    en: { title: `"100 new faces": ${name} ${status}`, body: `${name} (${place}), whom you nominated, ${status}.` },
  };
  return { ...texts[lang], path: `/faces/${param(params, 'faceId')}` };
};
