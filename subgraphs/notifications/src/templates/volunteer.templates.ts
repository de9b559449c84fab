import type { NotificationLanguage } from '@rz/contract';
import { param, type Template } from './template';

/** params: volunteerId, positive. */
export const volunteerReviewed: Template = (params, lang) => {
  const positive = params.positive === true;
  const texts: Record<NotificationLanguage, { title: string; body: string }> = positive
    ? {
        kk: { title: 'Сізге алғыс айтылды', body: 'Біреу сіздің көмегіңіз туралы жақсы пікір қалдырды.' },
        ru: { title: 'Вас поблагодарили', body: 'О вашей помощи оставили положительный отзыв.' },
        en: { title: 'Someone thanked you', body: 'A positive review of your help was left on your volunteer profile.' },
      }
    : {
        kk: { title: 'Жаңа пікір', body: 'Волонтер профиліңізге жаңа пікір қалдырылды.' },
        ru: { title: 'Новый отзыв', body: 'О вашей помощи оставили отзыв.' },
        en: { title: 'New review', body: 'A review was left on your volunteer profile.' },
      };
  return { ...texts[lang], path: `/volunteers/${param(params, 'volunteerId')}` };
};
