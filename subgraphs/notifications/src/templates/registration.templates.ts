import type { NotificationLanguage } from '@rz/contract';
import { todayInKazakhstan } from '@rz/schema';
import { param, territoryName, type Template } from './template';

/** params: eventId, registrationId, startsAt (ISO), territoryCode. */
export const registrationConfirmed: Template = (params, lang) => {
  const startsAt = param(params, 'startsAt');
  const day = startsAt ? todayInKazakhstan(new Date(startsAt)) : '';
  const place = territoryName(param(params, 'territoryCode'), lang);
  const texts: Record<NotificationLanguage, { title: string; body: string }> = {
    kk: { title: 'Орын расталды', body: `Күту тізімінен іс-шараға (${place}, ${day}) орныңыз расталды.` },
    ru: { title: 'Место подтверждено', body: `Освободилось место: ваша регистрация на мероприятие (${place}, ${day}) из листа ожидания подтверждена.` },
    en: { title: 'Your place is confirmed', body: `A place came free: your registration for the event (${place}, ${day}) moved from the waiting list to confirmed.` },
  };
  return { ...texts[lang], path: `/events/${param(params, 'eventId')}` };
};
