import { Lang } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { MediaItemSubjectEntity } from '../media-item/media-item-subject.entity';
import { MediaItemEntity } from '../media-item/media-item.entity';
import { MediaChannel, MediaItemStatus, MediaLevel, MediaSubjectKind } from '../media-item/media-item.enums';
import { MediaPlanEntity } from '../media-plan/media-plan.entity';
import { MediaPlanStatus } from '../media-plan/media-plan.enums';

/** Demo plans are addressed by key, e.g. mediaPlanDemoId('almaty-2026-q4'). */
export function mediaPlanDemoId(key: string): string {
  return stableId(`media-plan:${key}`);
}

export function mediaItemDemoId(planKey: string, index: number): string {
  return stableId(`media-item:${planKey}:${index + 1}`);
}

/** Demo faces are addressed by key, e.g. faceDemoId('turkistan-restorer'). */
export function faceDemoId(key: string): string {
  return stableId(`face:${key}`);
}

/** Demo rows of the other subgraphs, by the ids their seeds give them, and demo faces of this one. */
export const DEMO_SUBJECTS = {
  monumentKzh049: { kind: MediaSubjectKind.MONUMENT, id: stableId('monument:KZH049') },
  monumentKzh052: { kind: MediaSubjectKind.MONUMENT, id: stableId('monument:KZH052') },
  yasawiMausoleum: { kind: MediaSubjectKind.MONUMENT, id: stableId('monument:KZH001') },
  medeuPark: { kind: MediaSubjectKind.INITIATIVE, id: stableId('initiative:almaty-park-medeu') },
  turkistanSchoolLibrary: { kind: MediaSubjectKind.INITIATIVE, id: stableId('initiative:turkistan-school-library') },
  yasawiExcursion: { kind: MediaSubjectKind.EVENT, id: stableId('event:turkistan-yasawi-excursion') },
  youngHistoriansRally: { kind: MediaSubjectKind.EVENT, id: stableId('event:almaty-young-historians-rally') },
  turkistanRestorer: { kind: MediaSubjectKind.FACE, id: faceDemoId('turkistan-restorer') },
  turkistanTeacher: { kind: MediaSubjectKind.FACE, id: faceDemoId('turkistan-teacher') },
  shymkentChampion: { kind: MediaSubjectKind.FACE, id: faceDemoId('shymkent-champion') },
  shymkentDoctor: { kind: MediaSubjectKind.FACE, id: faceDemoId('shymkent-doctor') },
} as const;

type Subject = (typeof DEMO_SUBJECTS)[keyof typeof DEMO_SUBJECTS];

interface DemoItem {
  channel: MediaChannel;
  outlet: string;
  level: MediaLevel;
  format: string;
  rubric?: string;
  plannedDate: string;
  language: Lang;
  subjects?: Subject[];
  /** What became of the item; PLANNED when absent. */
  outcome?: { published: { on: string; link: string; reach: number } } | { cancelled: string };
}

interface DemoPlan {
  key: string;
  territoryCode: string;
  year: number;
  quarter: number | null;
  submissionDeadline: string;
  status: MediaPlanStatus;
  remarks?: string;
  items: DemoItem[];
}

const S = DEMO_SUBJECTS;

// Coverage tells what the projects changed, as the programme memo asks, not that meetings were held.
export const DEMO_MEDIA_PLANS: DemoPlan[] = [
  {
    key: 'almaty-2026-q4',
    territoryCode: '750000000',
    year: 2026,
    quarter: 4,
    submissionDeadline: '2026-09-25',
    status: MediaPlanStatus.APPROVED,
    items: [
      {
        channel: MediaChannel.TV,
        outlet: '«Хабар»',
        level: MediaLevel.REPUBLICAN,
        format: 'Сюжет в новостях',
        rubric: '«Рухани жаңғыру»',
        plannedDate: '2026-10-09',
        language: Lang.RU,
        subjects: [S.medeuPark],
        outcome: { published: { on: '2026-10-09', link: 'https://khabar.kz/ru/news/obshchestvo/park-medeu-posle-blagoustrojstva', reach: 640000 } },
      },
      {
        channel: MediaChannel.TV,
        outlet: 'Almaty.tv',
        level: MediaLevel.REGIONAL,
        format: 'Телерепортаж',
        rubric: '«Туған жер»',
        plannedDate: '2026-10-23',
        language: Lang.KK,
        subjects: [S.monumentKzh049, S.monumentKzh052],
        outcome: { published: { on: '2026-10-27', link: 'https://almaty.tv/kk/news/ghylym-akademiyasy-ghimaraty-zhanartudan-kejin', reach: 85000 } },
      },
      {
        channel: MediaChannel.PRINT,
        outlet: '«Алматы ақшамы»',
        level: MediaLevel.REGIONAL,
        format: 'Очерк',
        rubric: '«Өлкетану»',
        plannedDate: '2026-11-13',
        language: Lang.KK,
        subjects: [S.youngHistoriansRally, S.monumentKzh049],
        outcome: { published: { on: '2026-11-13', link: 'https://aqshamy.kz/olketanu/zhas-tarikhshylar-akademiya-ghimaratynda', reach: 12000 } },
      },
      {
        channel: MediaChannel.SOCIAL_MEDIA,
        outlet: 'Instagram, Алматы қаласы әкімдігі',
        level: MediaLevel.REGIONAL,
        format: 'Reels: паркке дейін және кейін',
        plannedDate: '2026-12-04',
        language: Lang.KK,
        subjects: [S.medeuPark],
      },
    ],
  },
  {
    key: 'almaty-medeu-2026-q4',
    territoryCode: '751710000',
    year: 2026,
    quarter: 4,
    submissionDeadline: '2026-09-18',
    status: MediaPlanStatus.SUBMITTED,
    items: [
      {
        channel: MediaChannel.PRINT,
        outlet: '«Вечерний Алматы»',
        level: MediaLevel.REGIONAL,
        format: 'Статья: что изменилось в парке',
        rubric: '«Наш район»',
        plannedDate: '2026-10-16',
        language: Lang.RU,
        subjects: [S.medeuPark],
      },
      {
        channel: MediaChannel.ONLINE,
        outlet: 'Kazinform (inform.kz)',
        level: MediaLevel.REPUBLICAN,
        format: 'Фоторепортаж',
        plannedDate: '2026-11-20',
        language: Lang.KK,
        subjects: [S.monumentKzh052],
      },
    ],
  },
  {
    key: 'turkistan-2026',
    territoryCode: '610000000',
    year: 2026,
    quarter: null,
    submissionDeadline: '2026-02-27',
    status: MediaPlanStatus.RETURNED,
    remarks:
      'Жоспардағы материалдардың көбі кездесулер мен жиындар туралы. Жобалар ауданда нені өзгерткенін көрсетіңіз: кітапхана, экскурсияға қатысқан балалар, кесене маңындағы абаттандыру.',
    items: [
      {
        channel: MediaChannel.TV,
        outlet: '«Қазақстан» — Түркістан',
        level: MediaLevel.REGIONAL,
        format: 'Деректі фильм',
        rubric: '«Киелі Түркістан»',
        plannedDate: '2026-05-15',
        language: Lang.KK,
        subjects: [S.yasawiMausoleum],
      },
      {
        channel: MediaChannel.PRINT,
        outlet: '«Оңтүстік Қазақстан»',
        level: MediaLevel.REGIONAL,
        format: 'Мақала',
        rubric: '«Рухани жаңғыру»',
        plannedDate: '2026-06-05',
        language: Lang.KK,
        subjects: [S.turkistanSchoolLibrary],
      },
      {
        channel: MediaChannel.RADIO,
        outlet: 'Қазақ радиосы',
        level: MediaLevel.REPUBLICAN,
        format: 'Радиорепортаж',
        plannedDate: '2026-09-18',
        language: Lang.KK,
        subjects: [S.yasawiExcursion, S.yasawiMausoleum],
      },
    ],
  },
  {
    key: 'turkistan-city-2026-q4',
    territoryCode: '611000000',
    year: 2026,
    quarter: 4,
    submissionDeadline: '2026-09-25',
    status: MediaPlanStatus.SUBMITTED,
    items: [
      {
        channel: MediaChannel.ONLINE,
        outlet: '«Егемен Қазақстан» (egemen.kz)',
        level: MediaLevel.REPUBLICAN,
        format: 'Сұхбат',
        rubric: '«Тұлға»',
        plannedDate: '2026-10-30',
        language: Lang.KK,
        subjects: [S.yasawiExcursion],
      },
    ],
  },
  {
    key: 'shymkent-2026-q4',
    territoryCode: '790000000',
    year: 2026,
    quarter: 4,
    submissionDeadline: '2026-09-25',
    status: MediaPlanStatus.DRAFT,
    items: [
      {
        channel: MediaChannel.PRINT,
        outlet: '«Шымкент келбеті»',
        level: MediaLevel.REGIONAL,
        format: 'Очерк',
        rubric: '«Жаңа есімдер»',
        plannedDate: '2026-11-27',
        language: Lang.KK,
      },
    ],
  },
  {
    key: 'turkistan-city-2026-q3',
    territoryCode: '611000000',
    year: 2026,
    quarter: 3,
    submissionDeadline: '2026-06-26',
    status: MediaPlanStatus.APPROVED,
    items: [
      {
        channel: MediaChannel.TV,
        outlet: '«Qazaqstan» — Түркістан',
        level: MediaLevel.REGIONAL,
        format: 'Деректі фильм: кесене қалпына келтіруден кейін',
        rubric: '«Киелі Түркістан»',
        plannedDate: '2026-07-10',
        language: Lang.KK,
        subjects: [S.yasawiMausoleum],
        outcome: { published: { on: '2026-07-10', link: 'https://qazaqstan.tv/kk/turkistan/kesene-qalpyna-keltiruden-kejin', reach: 120000 } },
      },
      {
        channel: MediaChannel.ONLINE,
        outlet: '«Түркістан» газеті (turkystan.kz)',
        level: MediaLevel.REGIONAL,
        format: 'Сұхбат',
        rubric: '«100 жаңа есім»',
        plannedDate: '2026-08-07',
        language: Lang.KK,
        subjects: [S.turkistanRestorer, S.yasawiMausoleum],
        outcome: { published: { on: '2026-08-12', link: 'https://turkystan.kz/100-zhana-esim/kesene-sheberi', reach: 18000 } },
      },
      {
        channel: MediaChannel.SOCIAL_MEDIA,
        outlet: 'Instagram, Түркістан қаласы әкімдігі',
        level: MediaLevel.REGIONAL,
        format: 'Reels: экскурсияға қатысқан балалар',
        plannedDate: '2026-09-04',
        language: Lang.KK,
        subjects: [S.yasawiExcursion],
        outcome: { cancelled: 'Экскурсия қазан айына ауыстырылды; материал IV тоқсан жоспарына көшті' },
      },
      {
        channel: MediaChannel.RADIO,
        outlet: 'Қазақ радиосы — Түркістан',
        level: MediaLevel.REGIONAL,
        format: 'Радиоочерк',
        rubric: '«100 жаңа есім»',
        plannedDate: '2026-09-25',
        language: Lang.KK,
        subjects: [S.turkistanTeacher],
      },
    ],
  },
  {
    key: 'shymkent-2026-q3',
    territoryCode: '790000000',
    year: 2026,
    quarter: 3,
    submissionDeadline: '2026-06-26',
    status: MediaPlanStatus.APPROVED,
    items: [
      {
        channel: MediaChannel.TV,
        outlet: '«Хабар»',
        level: MediaLevel.REPUBLICAN,
        format: 'Сюжет в новостях',
        rubric: '«Спорт»',
        plannedDate: '2026-07-03',
        language: Lang.RU,
        subjects: [S.shymkentChampion],
        outcome: { published: { on: '2026-07-03', link: 'https://khabar.kz/ru/news/sport/chempion-iz-shymkenta-vernulsya-domoj', reach: 500000 } },
      },
      {
        channel: MediaChannel.ONLINE,
        outlet: 'Sports.kz',
        level: MediaLevel.REPUBLICAN,
        format: 'Интервью',
        plannedDate: '2026-07-17',
        language: Lang.RU,
        subjects: [S.shymkentChampion],
        outcome: { published: { on: '2026-07-20', link: 'https://www.sports.kz/news/intervyu-chempiona-iz-shymkenta', reach: 90000 } },
      },
      {
        channel: MediaChannel.PRINT,
        outlet: '«Шымкент келбеті»',
        level: MediaLevel.REGIONAL,
        format: 'Очерк',
        rubric: '«Жерлестер»',
        plannedDate: '2026-08-14',
        language: Lang.KK,
        subjects: [S.shymkentChampion],
        outcome: { published: { on: '2026-08-14', link: 'https://shymkentkelbeti.kz/zherlester/chempion-balalyq-shaghy', reach: 15000 } },
      },
      {
        channel: MediaChannel.SOCIAL_MEDIA,
        outlet: 'Instagram, Шымкент қаласы әкімдігі',
        level: MediaLevel.REGIONAL,
        format: 'Пост',
        plannedDate: '2026-09-11',
        language: Lang.KK,
        subjects: [S.shymkentChampion],
        outcome: { published: { on: '2026-09-11', link: 'https://www.instagram.com/p/shymkent-akimat-chempion', reach: 40000 } },
      },
      {
        channel: MediaChannel.ONLINE,
        outlet: 'Otyrar.kz',
        level: MediaLevel.REGIONAL,
        format: 'Сұхбат',
        rubric: '«100 жаңа есім»',
        plannedDate: '2026-09-18',
        language: Lang.KK,
        subjects: [S.shymkentDoctor],
        outcome: { published: { on: '2026-09-18', link: 'https://otyrar.kz/100-zhana-esim/auyldyq-dariger', reach: 22000 } },
      },
    ],
  },
  {
    key: 'zhambyl-2027-q1',
    territoryCode: '310000000',
    year: 2027,
    quarter: 1,
    submissionDeadline: '2026-12-25',
    status: MediaPlanStatus.DRAFT,
    items: [
      {
        channel: MediaChannel.PRINT,
        outlet: '«Aq jol»',
        level: MediaLevel.REGIONAL,
        format: 'Мақалалар сериясы',
        rubric: '«Туған жер»',
        plannedDate: '2027-02-12',
        language: Lang.KK,
      },
      {
        channel: MediaChannel.PRINT,
        outlet: '«Знамя труда»',
        level: MediaLevel.REGIONAL,
        format: 'Репортаж',
        plannedDate: '2027-03-05',
        language: Lang.RU,
      },
    ],
  },
];

export const DEMO_AUTHOR = 'demo-seed';

/** Status columns of a demo item; closed at noon of the publication day, or of the planned day when cancelled. */
function outcomeColumns(item: DemoItem, plan: DemoPlan) {
  const none = { link: null, publishedOn: null, reach: null, cancellationReason: null, closedAt: null, closedBy: null };
  if (!item.outcome) return { ...none, status: MediaItemStatus.PLANNED };
  if (plan.status !== MediaPlanStatus.APPROVED) throw new Error(`demo plan ${plan.key}: items close only on approved plans`);
  const closedBy = DEMO_AUTHOR;
  if ('published' in item.outcome) {
    const { on, link, reach } = item.outcome.published;
    return { ...none, status: MediaItemStatus.PUBLISHED, link, publishedOn: on, reach, closedAt: new Date(`${on}T12:00:00+05:00`), closedBy };
  }
  return { ...none, status: MediaItemStatus.CANCELLED, cancellationReason: item.outcome.cancelled, closedAt: new Date(`${item.plannedDate}T12:00:00+05:00`), closedBy };
}

/** Adds the demo plans whose ids are not there yet, each with its items, in one transaction. */
export async function seedMediaPlans(db: DataSource, logger: Logger): Promise<void> {
  const ids = DEMO_MEDIA_PLANS.map((p) => mediaPlanDemoId(p.key));
  const existing = new Set((await db.getRepository(MediaPlanEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((p) => p.id));
  const fresh = DEMO_MEDIA_PLANS.filter((p) => !existing.has(mediaPlanDemoId(p.key)));
  await db.transaction(async (tx) => {
    for (const plan of fresh) {
      const submitted = plan.status !== MediaPlanStatus.DRAFT;
      const reviewed = plan.status === MediaPlanStatus.APPROVED || plan.status === MediaPlanStatus.RETURNED;
      await tx.getRepository(MediaPlanEntity).insert({
        id: mediaPlanDemoId(plan.key),
        territoryCode: plan.territoryCode,
        year: plan.year,
        quarter: plan.quarter,
        submissionDeadline: plan.submissionDeadline,
        status: plan.status,
        remarks: plan.remarks ?? null,
        createdBy: DEMO_AUTHOR,
        submittedAt: submitted ? new Date(`${plan.submissionDeadline}T10:00:00+05:00`) : null,
        reviewedAt: reviewed ? new Date(`${plan.submissionDeadline}T17:00:00+05:00`) : null,
        reviewedBy: reviewed ? DEMO_AUTHOR : null,
      });
      const items = plan.items.map((item, index) => ({
        id: mediaItemDemoId(plan.key, index),
        planId: mediaPlanDemoId(plan.key),
        channel: item.channel,
        outlet: item.outlet,
        level: item.level,
        format: item.format,
        rubric: item.rubric ?? null,
        plannedDate: item.plannedDate,
        language: item.language,
        createdBy: DEMO_AUTHOR,
        ...outcomeColumns(item, plan),
      }));
      await tx.getRepository(MediaItemEntity).insert(items);
      const subjects = plan.items.flatMap((item, index) =>
        (item.subjects ?? []).map((s, position) => ({ itemId: mediaItemDemoId(plan.key, index), kind: s.kind, subjectId: s.id, position })),
      );
      if (subjects.length) await tx.getRepository(MediaItemSubjectEntity).insert(subjects);
    }
  });
  logger.info({ added: fresh.length, skipped: existing.size }, 'media plan demo data');
}
