import { createHash } from 'node:crypto';
import { kato, type EvidenceKind } from '@rz/schema';
import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import { In, type DataSource } from 'typeorm';
import { nearestStaffedAkimat } from '../civic-control/akimat/akimat-officer.service';
import { addWorkingDays, kzDay } from '../shared/kz-time';
import { DEFAULT_DEADLINE_WORKING_DAYS } from '../civic-control/complaint-deadline/complaint-deadline.service';
import { ComplaintEvidenceEntity } from '../civic-control/complaint-evidence/complaint-evidence.entity';
import { ComplaintEntity } from '../civic-control/complaint/complaint.entity';
import { ComplaintActorRole, ComplaintStatus, ComplaintTopic } from '../civic-control/complaint/complaint.enums';
import { canMoveComplaint, canReopenComplaint, isResolvedComplaint, REOPENED_STATUS } from '../civic-control/complaint/complaint.lifecycle';
import { ComplaintStatusChangeEntity } from '../civic-control/complaint/complaint-status-change.entity';
import { DEMO_STAFFED_AKIMATS, demoOfficerSubject } from './akimat-officers.seed';

/** Other subgraphs' demo data may refer to these complaints by this id. */
export function complaintDemoId(key: string): string {
  return stableId(`complaint:${key}`);
}

/** rukhani-qazyna's demo id of a reference monument (its own monumentDemoId). */
function monumentDemoId(siteId: string): string {
  return stableId(`monument:${siteId}`);
}

interface DemoStep {
  to: ComplaintStatus;
  at: string;
  comment?: string;
  /** The author reopening a resolved complaint; every other step is the akimat's. */
  reopen?: true;
  /** The original, for a DUPLICATE step (a demo key). */
  duplicateOf?: string;
}

interface DemoComplaint {
  key: string;
  topic: ComplaintTopic;
  text: string;
  territory: string;
  location?: [number, number];
  /** rukhani-qazyna site id, e.g. KZH001. */
  monument?: string;
  author: string;
  filedAt: string;
  steps: DemoStep[];
  /** Attached files; one photo when not given. */
  evidence?: EvidenceKind[];
}

const T = ComplaintTopic;
const S = ComplaintStatus;

export const DEMO_COMPLAINTS: readonly DemoComplaint[] = [
  {
    key: 'almaty-academy-facade',
    topic: T.MONUMENT_DAMAGE,
    text: 'Ғылым академиясы ғимаратының қасбетінен қаптама тақталар құлап жатыр, тротуарда сынықтар жатыр. Ескерткішті қорғау және өтіп бара жатқандардың қауіпсіздігі үшін шара қабылдауды сұраймын.',
    territory: '750000000',
    monument: 'KZH049',
    author: 'demo-citizen-1',
    filedAt: '2026-10-05T09:12:00+05:00',
    steps: [
      { to: S.ACCEPTED, at: '2026-10-06T11:00:00+05:00', comment: 'Мәдениет басқармасына жіберілді.' },
      { to: S.IN_PROGRESS, at: '2026-10-09T15:30:00+05:00', comment: 'Қауіпті аймақ қоршалды, қасбетті тексеру жоспарланды.' },
    ],
  },
  {
    key: 'turkistan-yasawi-fence',
    topic: T.MONUMENT_DAMAGE,
    text: 'У мавзолея Ходжи Ахмеда Ясауи в охранной зоне сломана секция ограждения, рядом без разрешения поставили торговые палатки. Прошу проверить и восстановить ограждение.',
    territory: '611010000',
    location: [43.2972, 68.2705],
    monument: 'KZH001',
    author: 'demo-citizen-2',
    filedAt: '2026-11-10T18:20:00+05:00',
    steps: [{ to: S.ACCEPTED, at: '2026-11-11T10:05:00+05:00' }],
  },
  {
    key: 'almaty-medeu-heating',
    topic: T.HOUSING_AND_UTILITIES,
    text: 'В доме на улице Пушкина третью неделю еле тёплые батареи, в квартирах +16. Обращения в КСК результата не дали.',
    territory: '751710000',
    location: [43.2585, 76.9532],
    author: 'demo-citizen-3',
    filedAt: '2026-10-20T08:40:00+05:00',
    steps: [
      { to: S.ACCEPTED, at: '2026-10-20T14:00:00+05:00' },
      { to: S.IN_PROGRESS, at: '2026-10-21T09:30:00+05:00', comment: 'Теплосети направили бригаду, проверяется элеваторный узел.' },
      { to: S.RESOLVED, at: '2026-10-23T17:10:00+05:00', comment: 'Заменён элеваторный узел, температура в норме.' },
    ],
  },
  {
    key: 'astana-saryarka-potholes',
    topic: T.ROADS,
    text: 'Сарыарқа ауданындағы аула жолында терең шұңқырлар пайда болды, жаңбырдан кейін су толып, көліктер өте алмайды.',
    territory: '711310000',
    location: [51.1801, 71.4098],
    author: 'demo-citizen-4',
    filedAt: '2026-11-18T07:55:00+05:00',
    steps: [],
  },
  {
    key: 'shymkent-yard-lighting',
    topic: T.PUBLIC_AMENITIES,
    text: 'Әл-Фараби ауданындағы көп қабатты үйлердің ауласында кешке жарық жоқ, балалар мен қарттарға қауіпті.',
    territory: '791310000',
    location: [42.3174, 69.5869],
    author: 'demo-citizen-5',
    filedAt: '2026-09-02T20:15:00+05:00',
    steps: [
      { to: S.ACCEPTED, at: '2026-09-03T10:00:00+05:00' },
      { to: S.IN_PROGRESS, at: '2026-09-05T12:00:00+05:00' },
      {
        to: S.RESOLVED_BY_CITIZENS,
        at: '2026-09-19T16:45:00+05:00',
        comment: 'Тұрғындар өз қаражатына күн батареялы 8 шам орнатты.',
      },
    ],
  },
  {
    key: 'shymkent-bus-route',
    topic: T.TRANSPORT,
    text: 'Просим продлить автобусный маршрут до нового микрорайона: до ближайшей остановки больше двух километров.',
    territory: '791910000',
    author: 'demo-citizen-6',
    filedAt: '2026-08-11T13:00:00+05:00',
    steps: [
      {
        to: S.REJECTED,
        at: '2026-08-14T09:20:00+05:00',
        comment: 'Маршрутная сеть утверждается на 2027 год; предложение передано в управление пассажирского транспорта.',
      },
    ],
  },
  {
    key: 'taraz-landfill',
    topic: T.ECOLOGY,
    text: 'На окраине Тараза у реки образовалась стихийная свалка, мусор горит, дым идёт в жилые кварталы.',
    territory: '311010000',
    location: [42.8802, 71.4101],
    author: 'demo-citizen-7',
    filedAt: '2026-10-28T10:30:00+05:00',
    steps: [
      { to: S.ACCEPTED, at: '2026-10-28T16:00:00+05:00' },
      { to: S.IN_PROGRESS, at: '2026-10-30T08:00:00+05:00', comment: 'Вывоз мусора начат, установлены камеры.' },
    ],
  },
  {
    key: 'taraz-landfill-again',
    topic: T.ECOLOGY,
    text: 'Тараз шетіндегі өзен жағасында қоқыс үйіндісі жанып жатыр, түтін үйлерге келеді.',
    territory: '311010000',
    author: 'demo-citizen-8',
    filedAt: '2026-10-29T19:05:00+05:00',
    steps: [{ to: S.DUPLICATE, at: '2026-10-30T09:00:00+05:00', comment: 'Бұл мәселе бойынша өтініш жұмыста.', duplicateOf: 'taraz-landfill' }],
    evidence: ['video'],
  },
  {
    key: 'kentau-water-supply',
    topic: T.HOUSING_AND_UTILITIES,
    text: 'Кентау қаласында екі аптадан бері су кестемен тек түнде беріледі, жоғарғы қабаттарға су жетпейді.',
    territory: '612010000',
    author: 'demo-citizen-9',
    filedAt: '2026-11-14T07:30:00+05:00',
    steps: [{ to: S.ACCEPTED, at: '2026-11-15T11:45:00+05:00' }],
  },
  {
    key: 'almaty-alatau-stray-dogs',
    topic: T.OTHER,
    text: 'Возле школы в Алатауском районе собирается стая бездомных собак, дети боятся ходить на занятия.',
    territory: '751210000',
    author: 'demo-citizen-10',
    filedAt: '2026-11-20T08:05:00+05:00',
    steps: [],
    evidence: ['photo', 'audio'],
  },
  {
    key: 'astana-esil-playground-swing',
    topic: T.PUBLIC_AMENITIES,
    text: 'На детской площадке во дворе по улице Сыганак сломаны качели, торчат болты, дети могут пораниться.',
    territory: '711210000',
    location: [51.1226, 71.4267],
    author: 'demo-citizen-11',
    filedAt: '2026-10-01T12:30:00+05:00',
    steps: [
      { to: S.ACCEPTED, at: '2026-10-02T09:15:00+05:00' },
      { to: S.IN_PROGRESS, at: '2026-10-05T10:00:00+05:00' },
      { to: S.RESOLVED, at: '2026-10-15T16:20:00+05:00', comment: 'Качели сняты для ремонта.' },
      { to: S.IN_PROGRESS, at: '2026-10-20T08:45:00+05:00', comment: 'Качели сняли, а новые не поставили: площадка пустая.', reopen: true },
      { to: S.RESOLVED, at: '2026-11-05T11:00:00+05:00', comment: 'Установлены новые качели, болты закрыты заглушками.' },
    ],
  },
  {
    key: 'astana-almaty-district-snow',
    topic: T.ROADS,
    text: 'Алматы ауданындағы аула жолдары қардан тазартылмаған, жедел жәрдем көлігі кіре алмай қалды.',
    territory: '711110000',
    author: 'demo-citizen-12',
    filedAt: '2026-09-10T09:00:00+05:00',
    steps: [{ to: S.REJECTED, at: '2026-09-11T10:30:00+05:00', comment: 'Өтініште көрсетілген аула жеке кондоминиумға тиесілі, тазалауды ПИК жүргізеді.' }],
  },
  {
    key: 'shymkent-abay-water-leak',
    topic: T.HOUSING_AND_UTILITIES,
    text: 'Абай ауданында су құбыры жарылып, көше бойымен бір аптадан бері су ағып жатыр.',
    territory: '791110000',
    location: [42.3417, 69.5901],
    author: 'demo-citizen-13',
    filedAt: '2026-10-12T07:10:00+05:00',
    steps: [],
  },
  {
    key: 'turkistan-city-park-lights',
    topic: T.PUBLIC_AMENITIES,
    text: 'В городском парке Туркестана вечером не горят фонари вдоль главной аллеи, гуляющим темно и опасно.',
    territory: '611010000',
    location: [43.2975, 68.2517],
    author: 'demo-citizen-14',
    filedAt: '2026-09-21T19:40:00+05:00',
    steps: [
      { to: S.ACCEPTED, at: '2026-09-22T09:00:00+05:00' },
      { to: S.IN_PROGRESS, at: '2026-09-23T11:00:00+05:00' },
      { to: S.RESOLVED, at: '2026-10-30T15:00:00+05:00', comment: 'Заменены кабель и 24 светильника.' },
    ],
  },
  {
    key: 'zhambyl-merke-bridge',
    topic: T.ROADS,
    text: 'Мерке ауданындағы ауыл арасындағы көпірдің қоршауы құлап қалған, түнде өту қауіпті.',
    territory: '315400000',
    author: 'demo-citizen-15',
    filedAt: '2026-11-02T14:00:00+05:00',
    steps: [{ to: S.ACCEPTED, at: '2026-11-03T10:00:00+05:00' }],
  },
];

/** A stand-in for the hash of an uploaded file: the demo has no bytes, only stable hashes. */
function demoEvidenceHash(key: string, index: number): string {
  return createHash('sha256').update(`demo-evidence:${key}:${index}`).digest('hex');
}

export interface DemoComplaintRows {
  complaint: ComplaintEntity;
  history: ComplaintStatusChangeEntity[];
  evidence: ComplaintEvidenceEntity[];
}

export function complaintFromDemo(d: DemoComplaint): DemoComplaintRows {
  kato().require(d.territory); // a typo in demo data should fail loudly
  const id = complaintDemoId(d.key);
  const responsible = nearestStaffedAkimat(d.territory, new Set(DEMO_STAFFED_AKIMATS));
  let dueOn = addWorkingDays(kzDay(new Date(d.filedAt)), DEFAULT_DEADLINE_WORKING_DAYS);
  let duplicateOfId: string | null = null;
  const history: ComplaintStatusChangeEntity[] = [
    Object.assign(new ComplaintStatusChangeEntity(), {
      id: stableId(`complaint:${d.key}:history:0`),
      complaintId: id,
      from: null,
      to: S.SUBMITTED,
      byRole: ComplaintActorRole.CITIZEN,
      bySubject: d.author,
      comment: null,
      at: new Date(d.filedAt),
    }),
  ];
  for (const [index, step] of d.steps.entries()) {
    const from = history[history.length - 1].to;
    const allowed = step.reopen ? canReopenComplaint(from) && step.to === REOPENED_STATUS : canMoveComplaint(from, step.to);
    if (!allowed) throw new Error(`Demo complaint ${d.key}: ${from} -> ${step.to} is not allowed`);
    if (step.reopen) dueOn = addWorkingDays(kzDay(new Date(step.at)), DEFAULT_DEADLINE_WORKING_DAYS);
    if (step.to === S.DUPLICATE) duplicateOfId = complaintDemoId(step.duplicateOf!);
    history.push(
      Object.assign(new ComplaintStatusChangeEntity(), {
        id: stableId(`complaint:${d.key}:history:${index + 1}`),
        complaintId: id,
        from,
        to: step.to,
        byRole: step.reopen ? ComplaintActorRole.CITIZEN : ComplaintActorRole.AKIMAT_OFFICER,
        bySubject: step.reopen ? d.author : demoOfficerSubject(responsible),
        comment: step.comment ?? null,
        at: new Date(step.at),
      }),
    );
  }
  const last = history[history.length - 1];
  const accepted = history.some((h) => h.to === S.ACCEPTED);
  const complaint = Object.assign(new ComplaintEntity(), {
    id,
    topic: d.topic,
    text: d.text,
    territoryCode: d.territory,
    lat: d.location?.[0] ?? null,
    lon: d.location?.[1] ?? null,
    monumentId: d.monument ? monumentDemoId(d.monument) : null,
    status: last.to,
    authorSubject: d.author,
    responsibleTerritoryCode: responsible,
    dueOn,
    resolvedAt: isResolvedComplaint(last.to) ? last.at : null,
    duplicateOfId,
    assignedOfficerSubject: accepted ? demoOfficerSubject(responsible) : null,
    createdAt: history[0].at,
    updatedAt: last.at,
  });
  const evidence = (d.evidence ?? ['photo']).map((kind, position) =>
    Object.assign(new ComplaintEvidenceEntity(), { complaintId: id, position, sha256: demoEvidenceHash(d.key, position), kind }),
  );
  return { complaint, history, evidence };
}

/**
 * Inserts the demo complaints (with their history and evidence) that are not there yet;
 * reruns change nothing. Originals are inserted before their duplicates (list order).
 */
export async function seedComplaints(db: DataSource, logger: Logger): Promise<void> {
  const demo = DEMO_COMPLAINTS.map(complaintFromDemo);
  const ids = demo.map((d) => d.complaint.id);
  const existing = new Set((await db.getRepository(ComplaintEntity).find({ select: { id: true }, where: { id: In(ids) } })).map((r) => r.id));
  const fresh = demo.filter((d) => !existing.has(d.complaint.id));
  if (fresh.length) {
    await db.transaction(async (manager) => {
      await manager.insert(ComplaintEntity, fresh.map((d) => d.complaint));
      await manager.insert(ComplaintStatusChangeEntity, fresh.flatMap((d) => d.history));
      await manager.insert(ComplaintEvidenceEntity, fresh.flatMap((d) => d.evidence));
    });
  }
  logger.info({ inserted: fresh.length, skipped: existing.size }, 'demo complaints');
}
