import { kato } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { nearestStaffedAkimat } from '../civic-control/akimat/akimat-officer.service';
import { InitiativeParticipantEntity } from '../initiatives/initiative-implementation/initiative-participant.entity';
import { InitiativeParticipantKind } from '../initiatives/initiative-implementation/initiative-implementation.type';
import { InitiativeMilestoneEntity } from '../initiatives/initiative-milestone/initiative-milestone.entity';
import { InitiativePledgeEntity } from '../initiatives/initiative-pledge/initiative-pledge.entity';
import { InitiativePledgeStatus } from '../initiatives/initiative-pledge/initiative-pledge.type';
import { InitiativeRatingEntity } from '../initiatives/initiative-rating/initiative-rating.entity';
import { InitiativeEntity } from '../initiatives/initiative/initiative.entity';
import { InitiativeAuthorKind, InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from '../initiatives/initiative/initiative.enums';
import { DEMO_STAFFED_AKIMATS, demoOfficerSubject } from './akimat-officers.seed';

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

interface DemoPledge {
  /** Private persons are never named; organisations are. */
  organisation?: string;
  pledger: string;
  amount: number;
  at: string;
}

interface DemoMilestone {
  on: string;
  title: { kk?: string; ru?: string };
  progress: number;
}

/** Funding, progress, implementation and ratings of the demo initiatives, by key. */
interface DemoDetails {
  organisation?: string;
  budget?: { amount: number; decision: string };
  pledges?: DemoPledge[];
  startedAt?: string;
  milestones?: DemoMilestone[];
  implementation?: { at: string; result: { kk?: string; ru?: string }; peopleServed: number; ngos?: string[]; patrons?: string[] };
  ratings?: number[];
}

export const DEMO_INITIATIVE_DETAILS: Readonly<Record<string, DemoDetails>> = {
  'almaty-park-medeu': {
    budget: { amount: 10_000_000, decision: 'Решение акимата Медеуского района № 412 от 15.09.2026' },
    pledges: [
      { organisation: 'ТОО «Алатау Құрылыс»', pledger: 'demo-patron-3', amount: 6_000_000, at: '2026-09-08T11:00:00+05:00' },
      { pledger: 'demo-patron-4', amount: 2_500_000, at: '2026-09-10T16:30:00+05:00' },
    ],
    startedAt: '2026-09-20T09:00:00+05:00',
    milestones: [
      { on: '2026-09-28', title: { kk: 'Арық жүйесі тазартылды', ru: 'Очищена арычная система' }, progress: 20 },
      { on: '2026-10-15', title: { kk: '40 түп ағаш отырғызылды', ru: 'Высажено 40 деревьев' }, progress: 55 },
    ],
  },
  'turkistan-school-library': {
    pledges: [
      { pledger: 'demo-patron-5', amount: 500_000, at: '2026-10-05T10:00:00+05:00' },
      { organisation: 'ЖК «Ясы Кітап»', pledger: 'demo-patron-6', amount: 700_000, at: '2026-10-12T12:00:00+05:00' },
    ],
  },
  'shymkent-sairam-cleanup': {
    organisation: 'ҚБ «Таза Шымкент»',
    budget: { amount: 200_000, decision: 'Шымкент қаласы Еңбекші ауданы әкімінің 2026 жылғы 22 тамыздағы № 88 шешімі' },
    pledges: [{ organisation: 'ТОО «Оңтүстік Су»', pledger: 'demo-patron-7', amount: 250_000, at: '2026-08-22T09:00:00+05:00' }],
    startedAt: '2026-08-25T08:00:00+05:00',
    milestones: [{ on: '2026-08-30', title: { kk: 'Арықтардың жартысы тазартылды', ru: 'Очищена половина арыков' }, progress: 50 }],
    implementation: {
      at: '2026-09-07T18:00:00+05:00',
      result: {
        kk: '3,2 км арық тазартылып, 1,5 га көгал жөнделді, 14 тонна қоқыс шығарылды.',
        ru: 'Очищено 3,2 км арыков, приведено в порядок 1,5 га газонов, вывезено 14 тонн мусора.',
      },
      peopleServed: 1200,
      ngos: ['ҚБ «Таза Шымкент»'],
    },
    ratings: [5, 4, 5],
  },
  'astana-esil-inclusive-playground': {
    pledges: [{ organisation: 'ТОО «Есіл Инвест»', pledger: 'demo-patron-1', amount: 12_000_000, at: '2026-07-15T10:00:00+05:00' }],
    startedAt: '2026-08-01T09:00:00+05:00',
    milestones: [{ on: '2026-09-10', title: { kk: 'Алаң тегістелді, жабын төселді', ru: 'Площадка выровнена, уложено покрытие' }, progress: 30 }],
  },
  'taraz-yard-sports-ground': {
    pledges: [{ pledger: 'demo-citizen-20', amount: 300_000, at: '2026-10-20T19:00:00+05:00' }],
  },
  'merke-winter-coal': {
    pledges: [{ pledger: 'demo-patron-2', amount: 1_500_000, at: '2026-09-26T10:00:00+05:00' }],
    startedAt: '2026-10-01T09:00:00+05:00',
    implementation: {
      at: '2026-10-25T17:00:00+05:00',
      result: { kk: '60 отбасыға екі тоннадан көмір жеткізілді.', ru: '60 семьям доставлено по две тонны угля.' },
      peopleServed: 164,
    },
    ratings: [5, 5],
  },
};

export interface DemoInitiativeRows {
  initiative: InitiativeEntity;
  pledges: InitiativePledgeEntity[];
  milestones: InitiativeMilestoneEntity[];
  participants: InitiativeParticipantEntity[];
  ratings: InitiativeRatingEntity[];
}

export function initiativeFromDemo(d: DemoInitiative): DemoInitiativeRows {
  kato().require(d.territory); // a typo in demo data should fail loudly
  const createdAt = new Date(d.createdAt);
  const details = DEMO_INITIATIVE_DETAILS[d.key] ?? {};
  const id = initiativeDemoId(d.key);
  const responsible = nearestStaffedAkimat(d.territory, new Set(DEMO_STAFFED_AKIMATS));
  const implemented = details.implementation;
  if ((d.status === S.IMPLEMENTED) !== !!implemented) throw new Error(`Demo initiative ${d.key}: IMPLEMENTED needs an implementation record`);
  const covered = (details.budget?.amount ?? 0) + (details.pledges ?? []).reduce((sum, p) => sum + p.amount, 0);
  if ((d.status === S.IN_PROGRESS || d.status === S.IMPLEMENTED) && covered < d.estimate) throw new Error(`Demo initiative ${d.key}: estimate not covered`);
  const milestones = (details.milestones ?? []).map((m, index) =>
    Object.assign(new InitiativeMilestoneEntity(), {
      id: stableId(`initiative:${d.key}:milestone:${index}`),
      initiativeId: id,
      happenedOn: m.on,
      titleKk: m.title.kk ?? null,
      titleRu: m.title.ru ?? null,
      titleEn: null,
      descriptionKk: null,
      descriptionRu: null,
      descriptionEn: null,
      progress: m.progress,
      authorSubject: demoOfficerSubject(responsible),
      createdAt: new Date(`${m.on}T18:00:00+05:00`),
    }),
  );
  const initiative = Object.assign(new InitiativeEntity(), {
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
    authorKind: details.organisation ? InitiativeAuthorKind.NGO : InitiativeAuthorKind.CITIZEN,
    authorOrganisation: details.organisation ?? null,
    responsibleTerritoryCode: responsible,
    budgetAmount: details.budget?.amount ?? 0,
    budgetDecision: details.budget?.decision ?? null,
    progress: implemented ? 100 : (milestones.at(-1)?.progress ?? 0),
    startedAt: details.startedAt ? new Date(details.startedAt) : null,
    implementedAt: implemented ? new Date(implemented.at) : null,
    resultKk: implemented?.result.kk ?? null,
    resultRu: implemented?.result.ru ?? null,
    resultEn: null,
    peopleServed: implemented?.peopleServed ?? null,
    createdAt,
    updatedAt: createdAt,
  });
  const pledges = (details.pledges ?? []).map((p, index) =>
    Object.assign(new InitiativePledgeEntity(), {
      id: stableId(`initiative:${d.key}:pledge:${index}`),
      initiativeId: id,
      pledgerSubject: p.pledger,
      organisation: p.organisation ?? null,
      amount: p.amount,
      status: InitiativePledgeStatus.ACTIVE,
      createdAt: new Date(p.at),
      cancelledAt: null,
    }),
  );
  const participants = [
    ...(implemented?.patrons ?? []).map((name) => ({ kind: InitiativeParticipantKind.PATRON, name })),
    ...(implemented?.ngos ?? []).map((name) => ({ kind: InitiativeParticipantKind.NGO, name })),
  ].map((p, position) => Object.assign(new InitiativeParticipantEntity(), { initiativeId: id, position, ...p }));
  const ratings = (details.ratings ?? []).map((score, index) =>
    Object.assign(new InitiativeRatingEntity(), {
      initiativeId: id,
      raterSubject: `demo-rater-${index + 1}`,
      score,
      createdAt: implemented ? new Date(implemented.at) : createdAt,
      updatedAt: implemented ? new Date(implemented.at) : createdAt,
    }),
  );
  return { initiative, pledges, milestones, participants, ratings };
}

/** Inserts the demo initiatives (with pledges, milestones, records, ratings) that are not there yet; reruns change nothing. */
export async function seedInitiatives(db: DataSource, logger: Logger): Promise<void> {
  const rows = DEMO_INITIATIVES.map(initiativeFromDemo);
  const ids = rows.map((r) => r.initiative.id);
  const existing = new Set((await db.getRepository(InitiativeEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((r) => r.id));
  const fresh = rows.filter((r) => !existing.has(r.initiative.id));
  if (fresh.length) {
    await db.transaction(async (manager) => {
      await manager.insert(InitiativeEntity, fresh.map((r) => r.initiative));
      for (const [entity, list] of [
        [InitiativePledgeEntity, fresh.flatMap((r) => r.pledges)],
        [InitiativeMilestoneEntity, fresh.flatMap((r) => r.milestones)],
        [InitiativeParticipantEntity, fresh.flatMap((r) => r.participants)],
        [InitiativeRatingEntity, fresh.flatMap((r) => r.ratings)],
      ] as const) {
        if (list.length) await manager.insert(entity, list as never);
      }
    });
  }
  logger.info({ inserted: fresh.length, skipped: existing.size }, 'demo initiatives');
}
