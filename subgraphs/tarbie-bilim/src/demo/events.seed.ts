import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { EventMonumentEntity } from '../event/event-monument.entity';
import { BaseProject, EventKind, EventStatus } from '../event/event.enums';
import { EventEntity } from '../event/event.entity';

/** Other subgraphs' demo data refers to these events by id, e.g. eventDemoId('turkistan-yasawi-excursion'). */
export function eventDemoId(key: string): string {
  return stableId(`event:${key}`);
}

/** Same derivation as rukhani-qazyna's monumentDemoId, so the stubs resolve to its reference monuments. */
export function monumentDemoId(siteId: string): string {
  return stableId(`monument:${siteId}`);
}

export interface DemoEvent {
  key: string;
  kind: EventKind;
  baseProject: BaseProject;
  status: EventStatus;
  territory: string;
  title: { kk: string; ru: string; en?: string };
  description?: { kk?: string; ru?: string; en?: string };
  startsAt: string;
  endsAt: string;
  venue: string | null;
  capacity: number | null;
  /** Registrations beyond capacity wait for a place (default false: refused). */
  waitingList?: boolean;
  organiser: string;
  /** Reference monument site ids (KZH...), in visiting order. */
  monuments?: string[];
}

export const DEMO_EVENTS: readonly DemoEvent[] = [
  {
    key: 'turkistan-yasawi-excursion',
    kind: EventKind.EXCURSION,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.REGISTRATION_OPEN,
    territory: '611010000',
    title: {
      kk: 'Қожа Ахмет Ясауи кесенесіне өлкетану экскурсиясы',
      ru: 'Краеведческая экскурсия к мавзолею Ходжи Ахмеда Ясави',
      en: 'Local history excursion to the Mausoleum of Khoja Ahmed Yasawi',
    },
    description: {
      kk: 'Облыс мектептерінің 7–9 сынып оқушыларына арналған «Әзірет Сұлтан» қорық-музейіндегі сабақ-экскурсия.',
      ru: 'Урок-экскурсия в музее-заповеднике «Әзірет Сұлтан» для учащихся 7–9 классов школ области.',
    },
    startsAt: '2026-12-12T05:00:00Z',
    endsAt: '2026-12-12T11:00:00Z',
    venue: '«Әзірет Сұлтан» мемлекеттік тарихи-мәдени қорық-музейі, Түркістан қ.',
    capacity: 120,
    waitingList: true,
    organiser: 'Түркістан облысының білім басқармасы',
    monuments: ['KZH001'],
  },
  {
    key: 'almaty-young-historians-rally',
    kind: EventKind.YOUNG_HISTORIANS_RALLY,
    baseProject: BaseProject.OTANYM_TAGDYRYM,
    status: EventStatus.ONGOING,
    territory: '751710000',
    title: {
      kk: 'Алматы қаласының жас тарихшылар слеті',
      ru: 'Городской слёт юных историков Алматы',
      en: 'Almaty rally of young historians',
    },
    description: {
      kk: 'Қаланың тарихи ғимараттары бойынша маршрут, мектеп мұражайларының көрмесі және «Менің қалам – менің тарихым» зерттеу жұмыстарының қорғауы.',
      ru: 'Маршрут по историческим зданиям города, выставка школьных музеев и защита исследовательских работ «Мой город – моя история».',
    },
    startsAt: '2026-11-20T04:00:00Z',
    endsAt: '2026-11-27T12:00:00Z',
    venue: 'Медеу ауданы, №12 гимназия',
    capacity: 200,
    organiser: 'Алматы қаласының білім басқармасы',
    monuments: ['KZH049', 'KZH052'],
  },
  {
    key: 'almaty-olketanu-olympiad',
    kind: EventKind.OLYMPIAD,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.COMPLETED,
    territory: '750000000',
    title: {
      kk: '«Өлкетану» қалалық олимпиадасы',
      ru: 'Городская олимпиада по краеведению «Өлкетану»',
      en: '"Olketanu" city local history olympiad',
    },
    startsAt: '2026-10-17T04:00:00Z',
    endsAt: '2026-10-18T10:00:00Z',
    venue: 'Абай атындағы Қазақ ұлттық педагогикалық университеті',
    capacity: 350,
    organiser: 'Алматы қаласының білім басқармасы',
  },
  {
    key: 'almaty-ykylas-museum-lesson',
    kind: EventKind.MUSEUM_LESSON,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.PLANNED,
    territory: '751710000',
    title: {
      kk: '«Домбыраның үні» мұражай сабағы',
      ru: 'Музейный урок «Голос домбры»',
    },
    startsAt: '2027-01-22T06:00:00Z',
    endsAt: '2027-01-22T08:00:00Z',
    venue: 'Ықылас атындағы халық музыкалық аспаптар мұражайы',
    capacity: 40,
    organiser: 'Медеу ауданының білім бөлімі',
    monuments: ['KZH051'],
  },
  {
    key: 'almaty-career-webinar',
    kind: EventKind.WEBINAR,
    baseProject: BaseProject.SANALY_AZAMAT,
    status: EventStatus.CANCELLED,
    territory: '750000000',
    title: {
      kk: '«Саналы азамат»: болашақ мамандықтары вебинары',
      ru: 'Вебинар «Саналы азамат»: профессии будущего',
    },
    startsAt: '2026-11-05T09:00:00Z',
    endsAt: '2026-11-05T10:30:00Z',
    venue: 'онлайн',
    capacity: null,
    organiser: 'Алматы қаласының білім басқармасы',
  },
  {
    key: 'turkistan-olketanu-competition',
    kind: EventKind.COMPETITION,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.COMPLETED,
    territory: '610000000',
    title: {
      kk: '«Үздік мектеп мұражайы» облыстық байқауы',
      ru: 'Областной конкурс «Лучший школьный музей»',
    },
    startsAt: '2026-09-21T04:00:00Z',
    endsAt: '2026-10-30T12:00:00Z',
    venue: 'Түркістан облысының мектептері',
    capacity: 500,
    organiser: 'Түркістан облысының білім басқармасы',
  },
  {
    key: 'turkistan-otrar-week-in-the-village',
    kind: EventKind.WEEK_IN_THE_VILLAGE,
    baseProject: BaseProject.OTANYM_TAGDYRYM,
    status: EventStatus.ONGOING,
    territory: '614800000',
    title: {
      kk: '«Ауылдағы бір апта»: Отырар',
      ru: '«Неделя в ауле»: Отрар',
    },
    description: {
      kk: 'Шымкент оқушылары Отырар ауданындағы құрдастарының отбасыларында тұрып, Отырар қалажұртына барады.',
      ru: 'Школьники Шымкента живут в семьях сверстников Отрарского района и посещают городище Отрар.',
    },
    startsAt: '2026-11-16T04:00:00Z',
    endsAt: '2026-11-23T12:00:00Z',
    venue: 'Отырар ауданының мектептері',
    capacity: 30,
    organiser: 'Отырар ауданының білім бөлімі',
    monuments: ['KZH030'],
  },
  {
    key: 'shymkent-sairam-expedition',
    kind: EventKind.EXPEDITION,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.PLANNED,
    territory: '790000000',
    title: {
      kk: '«Сайрам – көне Испиджаб» өлкетану экспедициясы',
      ru: 'Краеведческая экспедиция «Сайрам – древний Испиджаб»',
    },
    startsAt: '2027-04-13T03:00:00Z',
    endsAt: '2027-04-16T13:00:00Z',
    venue: 'Сайрам қалашығы',
    capacity: 25,
    organiser: 'Шымкент қаласының білім басқармасы',
    monuments: ['KZH048', 'KZH047', 'KZH046'],
  },
  {
    key: 'shymkent-career-master-class',
    kind: EventKind.MASTER_CLASS,
    baseProject: BaseProject.SANALY_AZAMAT,
    status: EventStatus.REGISTRATION_OPEN,
    territory: '791110000',
    title: {
      kk: '«Мамандыққа алғашқы қадам» шеберлік сыныбы',
      ru: 'Мастер-класс «Первый шаг в профессию»',
    },
    startsAt: '2026-12-05T05:00:00Z',
    endsAt: '2026-12-05T08:00:00Z',
    venue: 'Шымкент жоғары политехникалық колледжі',
    capacity: 60,
    organiser: 'Шымкент қаласының білім басқармасы',
  },
  {
    key: 'zhambyl-aisha-bibi-excursion',
    kind: EventKind.EXCURSION,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.PLANNED,
    territory: '310000000',
    title: {
      kk: 'Айша бибі мен Бабаджа қатын кесенелеріне экскурсия',
      ru: 'Экскурсия к мавзолеям Айша-биби и Бабаджи-хатун',
    },
    startsAt: '2027-03-21T05:00:00Z',
    endsAt: '2027-03-21T10:00:00Z',
    venue: 'Айша бибі ауылы, Жамбыл ауданы',
    capacity: 45,
    organiser: 'Жамбыл облысының білім басқармасы',
    monuments: ['KZH064', 'KZH065'],
  },
  {
    key: 'zhambyl-taraz-week-in-the-city',
    kind: EventKind.WEEK_IN_THE_CITY,
    baseProject: BaseProject.OTANYM_TAGDYRYM,
    status: EventStatus.COMPLETED,
    territory: '311010000',
    title: {
      kk: '«Қаладағы бір апта»: Тараз',
      ru: '«Неделя в городе»: Тараз',
    },
    startsAt: '2026-10-05T04:00:00Z',
    endsAt: '2026-10-11T12:00:00Z',
    venue: 'Тараз қаласының мектептері',
    capacity: 30,
    organiser: 'Жамбыл облысының білім басқармасы',
    monuments: ['KZH034'],
  },
  {
    key: 'astana-otanym-conference',
    kind: EventKind.CONFERENCE,
    baseProject: BaseProject.OTANYM_TAGDYRYM,
    status: EventStatus.REGISTRATION_OPEN,
    territory: '710000000',
    title: {
      kk: '«Отаным – тағдырым» республикалық ғылыми-практикалық конференциясы',
      ru: 'Республиканская научно-практическая конференция «Отаным – тағдырым»',
      en: '"Otanym - tagdyrym" national research and practice conference',
    },
    startsAt: '2026-12-16T04:00:00Z',
    endsAt: '2026-12-17T12:00:00Z',
    venue: 'Назарбаев Зияткерлік мектебі, Есіл ауданы',
    capacity: 400,
    organiser: 'Қазақстан Республикасы Оқу-ағарту министрлігі',
  },
  {
    key: 'pavlodar-vasiliev-museum-lesson',
    kind: EventKind.MUSEUM_LESSON,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.REGISTRATION_OPEN,
    territory: '551010000',
    title: {
      kk: '«Ақынның үйі» мұражай сабағы: Павел Васильевтің үйі',
      ru: 'Музейный урок «Дом поэта»: дом Павла Васильева',
    },
    description: {
      ru: 'Урок для юных краеведов в доме-музее: шесть мест, остальные записываются в лист ожидания.',
    },
    startsAt: '2027-02-06T05:00:00Z',
    endsAt: '2027-02-06T07:00:00Z',
    venue: 'Павел Васильевтің үй-мұражайы, Павлодар қ.',
    capacity: 6,
    waitingList: true,
    organiser: 'Павлодар облысының білім басқармасы',
    monuments: ['KZH041'],
  },
  {
    key: 'astana-bozok-expedition',
    kind: EventKind.EXPEDITION,
    baseProject: BaseProject.OLKETANU,
    status: EventStatus.COMPLETED,
    territory: '711210000',
    title: {
      kk: 'Бозоқ қалашығына мектеп археологиялық экспедициясы',
      ru: 'Школьная археологическая экспедиция на городище Бозок',
    },
    startsAt: '2026-06-15T03:00:00Z',
    endsAt: '2026-06-26T13:00:00Z',
    venue: 'Бозоқ қалашығы',
    capacity: 20,
    organiser: 'Астана қаласының білім басқармасы',
    monuments: ['KZH054'],
  },
];

/** Inserts the demo events not yet present; reruns change nothing. */
export async function seedEvents(db: DataSource, logger: Logger): Promise<void> {
  for (const e of DEMO_EVENTS) kato().require(e.territory, `demo event ${e.key}`);
  const ids = DEMO_EVENTS.map((e) => eventDemoId(e.key));
  const existing = new Set((await db.getRepository(EventEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((e) => e.id));
  const fresh = DEMO_EVENTS.filter((e) => !existing.has(eventDemoId(e.key)));
  if (fresh.length) {
    await db.transaction(async (manager) => {
      await manager.insert(
        EventEntity,
        fresh.map((e) => ({
          id: eventDemoId(e.key),
          kind: e.kind,
          baseProject: e.baseProject,
          titleKk: e.title.kk,
          titleRu: e.title.ru,
          titleEn: e.title.en ?? null,
          descriptionKk: e.description?.kk ?? null,
          descriptionRu: e.description?.ru ?? null,
          descriptionEn: e.description?.en ?? null,
          startsAt: new Date(e.startsAt),
          endsAt: new Date(e.endsAt),
          territoryCode: e.territory,
          venue: e.venue,
          capacity: e.capacity,
          waitingList: e.waitingList ?? false,
          status: e.status,
          organiser: e.organiser,
        })),
      );
      const visits = fresh.flatMap((e) =>
        (e.monuments ?? []).map((siteId, position) => ({ eventId: eventDemoId(e.key), monumentId: monumentDemoId(siteId), position })),
      );
      if (visits.length) await manager.insert(EventMonumentEntity, visits);
    });
  }
  logger.info({ inserted: fresh.length, present: existing.size }, 'demo events');
}
