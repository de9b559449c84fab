import type { NotificationLanguage } from '@rz/contract';
import { named, TOPIC } from './complaint.templates';
import { param, territoryName, type Template } from './template';

type Texts = Record<NotificationLanguage, { title: string; body: string }>;

/** Texts for the officers a complaint concerns; params: complaintId, topic, territoryCode, dueOn (and daysOverdue). */
function officerTemplate(texts: (topic: string, place: string, dueOn: string, days: string) => Texts): Template {
  return (params, lang) => {
    const topic = named(TOPIC, param(params, 'topic'), lang);
    const place = territoryName(param(params, 'territoryCode'), lang);
    return { ...texts(topic, place, param(params, 'dueOn'), param(params, 'daysOverdue'))[lang], path: `/complaints/${param(params, 'complaintId')}` };
  };
}

export const complaintAssigned = officerTemplate((topic, place, dueOn) => ({
  kk: { title: 'Жаңа өтініш', body: `Әкімдікке «${topic}» тақырыбында жаңа өтініш түсті (${place}). Шешу мерзімі: ${dueOn}.` },
  ru: { title: 'Новое обращение', body: `В акимат поступило новое обращение по теме «${topic}» (${place}). Срок решения: ${dueOn}.` },
  en: { title: 'New complaint', body: `A new complaint about ${topic} (${place}) was routed to your akimat. Due by ${dueOn}.` },
}));

export const complaintDueTomorrow = officerTemplate((topic, place, dueOn) => ({
  kk: { title: 'Өтініш мерзімі ертең бітеді', body: `«${topic}» тақырыбындағы өтініштің (${place}) мерзімі ${dueOn} аяқталады.` },
  ru: { title: 'Срок обращения истекает завтра', body: `Срок решения обращения по теме «${topic}» (${place}) истекает ${dueOn}.` },
  en: { title: 'Complaint due tomorrow', body: `The complaint about ${topic} (${place}) is due on ${dueOn}.` },
}));

export const complaintOverdue = officerTemplate((topic, place, dueOn, days) => ({
  kk: { title: 'Өтініш мерзімі өтті', body: `«${topic}» тақырыбындағы өтініштің (${place}) мерзімі ${dueOn} өтті, ${days} күн кешікті.` },
  ru: { title: 'Обращение просрочено', body: `Срок решения обращения по теме «${topic}» (${place}) истёк ${dueOn}; просрочено на ${days} дн.` },
  en: { title: 'Complaint overdue', body: `The complaint about ${topic} (${place}) was due on ${dueOn}: ${days} days overdue.` },
}));
