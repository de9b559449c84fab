import { kato } from '@rz/schema';
import { stableId, type Logger } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { InitiativeEntity } from '../initiative/initiative.entity';
import { InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from '../initiative/initiative.enums';

/** Other subgraphs' demo data refers to these initiatives by this id, e.g. initiativeDemoId('almaty-park-medeu'). */
export function initiativeDemoId(key: string): string {
  return stableId(`initiative:${key}`);
}

interface DemoInitiative {
  key: string;
  kind: InitiativeKind;
  direction: InitiativeDirection;
  category: InitiativeCategory;
  title: { kk: string; ru: string; en?: string };
  description: { kk?: string; ru?: string };
  territory: string;
  location?: [number, number];
  estimate: number;
  status: InitiativeStatus;
  statusReason?: string;
  author: string;
  createdAt: string;
}

const { SOCIAL, INFRASTRUCTURE, MATERIAL_AID, LOGISTICS, CHARITY_EVENT } = InitiativeKind;
const D = InitiativeDirection;
const { A, B } = InitiativeCategory;
const S = InitiativeStatus;

export const DEMO_INITIATIVES: readonly DemoInitiative[] = [
  {
    key: 'almaty-park-medeu',
    kind: INFRASTRUCTURE,
    direction: D.ECOLOGY_AND_AMENITIES,
    category: A,
    title: {
      kk: 'Медеу ауданындағы аула скверін абаттандыру',
      ru: 'Благоустройство дворового сквера в Медеуском районе',
      en: 'Renewal of a courtyard park in Medeu district',
    },
    description: {
      kk: 'Тұрғындар скверге 40 түп ағаш отырғызып, орындықтар мен жарық орнатуды, суару жүйесін жөндеуді ұсынады. Жұмысқа аула тұрғындары мен еріктілер қатысады, демеушілер іздестірілуде.',
      ru: 'Жители предлагают высадить в сквере 40 деревьев, поставить скамейки и освещение, отремонтировать арычную систему полива. Работы выполнят жители и волонтёры, ищем спонсоров на материалы.',
    },
    territory: '751710000',
    location: [43.2532, 76.9587],
    estimate: 18_500_000,
    status: S.IN_PROGRESS,
    author: 'demo-citizen-1',
    createdAt: '2026-09-03T10:15:00+05:00',
  },
  {
    key: 'turkistan-school-library',
    kind: SOCIAL,
    direction: D.EDUCATION,
    category: A,
    title: {
      kk: 'Түркістандағы мектеп кітапханасын қазақ тіліндегі кітаптармен толықтыру',
      ru: 'Пополнение школьной библиотеки в Туркестане книгами на казахском языке',
      en: 'Kazakh-language books for a school library in Turkistan',
    },
    description: {
      kk: 'Мектеп кітапханасына 1500 көркем және танымдық кітап, оқу залына жиһаз қажет. Ата-аналар комитеті мен жергілікті кәсіпкерлер қолдау көрсетуге дайын.',
      ru: 'Школьной библиотеке нужны 1500 художественных и познавательных книг и мебель для читального зала. Родительский комитет и местные предприниматели готовы помочь.',
    },
    territory: '611010000',
    location: [43.3016, 68.2549],
    estimate: 3_200_000,
    status: S.INITIATED,
    author: 'demo-citizen-2',
    createdAt: '2026-10-01T09:00:00+05:00',
  },
  {
    key: 'shymkent-sairam-cleanup',
    kind: CHARITY_EVENT,
    direction: D.ECOLOGY_AND_AMENITIES,
    category: A,
    title: {
      kk: 'Шымкент: Сайрам көшесі бойындағы арықтар мен көгалдарды тазалау сенбілігі',
      ru: 'Шымкент: субботник по очистке арыков и газонов вдоль улицы Сайрамской',
      en: 'Shymkent: clean-up day for irrigation ditches and lawns along Sairam street',
    },
    description: {
      kk: 'Еріктілер мен тұрғындар арықтарды қоқыстан тазартып, көгалдарды жөндеді. Акимат қап пен тасымалды берді.',
      ru: 'Волонтёры и жители очистили арыки от мусора и привели в порядок газоны. Акимат выделил мешки и вывоз мусора.',
    },
    territory: '791510000',
    location: [42.3305, 69.6163],
    estimate: 450_000,
    status: S.IMPLEMENTED,
    author: 'demo-ngo-1',
    createdAt: '2026-08-20T08:30:00+05:00',
  },
  {
    key: 'astana-esil-inclusive-playground',
    kind: INFRASTRUCTURE,
    direction: D.VULNERABLE_GROUPS,
    category: B,
    title: {
      kk: 'Есіл ауданында ерекше балаларға арналған инклюзивті ойын алаңы',
      ru: 'Инклюзивная детская площадка в районе Есиль',
    },
    description: {
      kk: 'Демеуші мүмкіндігі шектеулі балаларға арналған жабдықтары бар алаң салуды ұсынады; акимат орын бөлді.',
      ru: 'Меценат предлагает построить площадку с оборудованием для детей с ограниченными возможностями; акимат выделил место.',
    },
    territory: '711210000',
    location: [51.1280, 71.4304],
    estimate: 12_000_000,
    status: S.IN_PROGRESS,
    author: 'demo-patron-1',
    createdAt: '2026-07-14T12:00:00+05:00',
  },
  {
    key: 'taraz-yard-sports-ground',
    kind: INFRASTRUCTURE,
    direction: D.SPORT,
    category: A,
    title: {
      kk: 'Тараздағы аула спорт алаңын жөндеу',
      ru: 'Ремонт дворовой спортивной площадки в Таразе',
    },
    description: {
      ru: 'Покрытие площадки разрушено, турники сломаны. Нужны резиновое покрытие, новые тренажёры и сетка ограждения.',
    },
    territory: '311010000',
    location: [42.8984, 71.3784],
    estimate: 6_800_000,
    status: S.INITIATED,
    author: 'demo-citizen-3',
    createdAt: '2026-10-18T17:40:00+05:00',
  },
  {
    key: 'merke-winter-coal',
    kind: MATERIAL_AID,
    direction: D.VULNERABLE_GROUPS,
    category: B,
    title: {
      kk: 'Мерке ауданындағы жалғыз басты қарттарға қысқы көмір',
      ru: 'Уголь на зиму одиноким пожилым людям Меркенского района',
    },
    description: {
      kk: 'Жергілікті кәсіпкер 60 отбасына екі тоннадан көмір жеткізді; тізімді ауылдық округтер әкімдері жасады.',
    },
    territory: '315400000',
    estimate: 1_500_000,
    status: S.IMPLEMENTED,
    author: 'demo-patron-2',
    createdAt: '2026-09-25T11:20:00+05:00',
  },
  {
    key: 'almaty-turksib-bus-shelters',
    kind: INFRASTRUCTURE,
    direction: D.CONSTRUCTION_AND_REPAIR,
    category: A,
    title: {
      kk: 'Түрксіб ауданындағы аялдама павильондарын ауыстыру',
      ru: 'Замена остановочных павильонов в Турксибском районе',
    },
    description: {
      ru: 'Предлагается заменить 12 ветхих павильонов на утеплённые с освещением.',
    },
    territory: '751910000',
    estimate: 36_000_000,
    status: S.REJECTED,
    statusReason: 'Замена этих павильонов уже включена в городскую программу на 2027 год.',
    author: 'demo-citizen-4',
    createdAt: '2026-06-30T15:05:00+05:00',
  },
  {
    key: 'otyrar-heritage-trail',
    kind: SOCIAL,
    direction: D.TOURISM,
    category: A,
    title: {
      kk: 'Отырар ауданында туристік жаяу соқпақ пен ақпараттық тақталар',
      ru: 'Туристическая пешеходная тропа и информационные стенды в Отрарском районе',
    },
    description: {
      kk: 'Жергілікті жастар тарихи орындарға апаратын соқпақты белгілеп, үш тілде ақпараттық тақталар қоюды ұсынды.',
    },
    territory: '614800000',
    estimate: 2_400_000,
    status: S.WITHDRAWN,
    statusReason: 'Автор бастаманы облыстық туризм басқармасының жобасымен біріктірді.',
    author: 'demo-citizen-5',
    createdAt: '2026-05-12T10:00:00+05:00',
  },
  {
    key: 'almaty-bostandyq-volunteer-rides',
    kind: LOGISTICS,
    direction: D.HEALTH,
    category: B,
    title: {
      kk: 'Еріктілер қарттарды емханаға өз көліктерімен апарады',
      ru: 'Волонтёры на своих автомобилях возят пожилых людей в поликлинику',
    },
    description: {
      ru: 'Пять волонтёров с автомобилями готовы по будням возить пожилых жителей района на приём к врачу и обратно.',
    },
    territory: '751410000',
    estimate: 0,
    status: S.INITIATED,
    author: 'demo-volunteer-1',
    createdAt: '2026-11-02T09:45:00+05:00',
  },
];

export function initiativeFromDemo(d: DemoInitiative): InitiativeEntity {
  kato().require(d.territory); // a typo in demo data should fail loudly
  const createdAt = new Date(d.createdAt);
  return Object.assign(new InitiativeEntity(), {
    id: initiativeDemoId(d.key),
    kind: d.kind,
    direction: d.direction,
    category: d.category,
    titleKk: d.title.kk,
    titleRu: d.title.ru,
    titleEn: d.title.en ?? null,
    descriptionKk: d.description.kk ?? null,
    descriptionRu: d.description.ru ?? null,
    descriptionEn: null,
    territoryCode: d.territory,
    lat: d.location?.[0] ?? null,
    lon: d.location?.[1] ?? null,
    estimate: d.estimate,
    status: d.status,
    statusReason: d.statusReason ?? null,
    authorSubject: d.author,
    createdAt,
    updatedAt: createdAt,
  });
}

/** Inserts the demo initiatives that are not there yet; reruns change nothing. */
export async function seedInitiatives(db: DataSource, logger: Logger): Promise<void> {
  const repository = db.getRepository(InitiativeEntity);
  const rows = DEMO_INITIATIVES.map(initiativeFromDemo);
  const existing = new Set((await repository.find({ select: { id: true }, where: { id: In(rows.map((r) => r.id)) } })).map((r) => r.id));
  const fresh = rows.filter((r) => !existing.has(r.id));
  if (fresh.length) await repository.insert(fresh);
  logger.info({ inserted: fresh.length, skipped: existing.size }, 'demo initiatives');
}
