import { kato } from '@rz/schema';
import { Random, weighted } from './prng';
import { IdSequence } from './scale-id';
import { iso, type Row, type ScaleContext, type ScaleOptions } from './scale-options';
import { pointNear, TerritoryPicker } from './scale-territories';
import { addWorkingDays, DAY, HOUR, kzDay } from './scale-time';
import type { MonumentRef } from './monuments.scale';

/** atameken's complaint lifecycle (complaint.lifecycle.ts), which the history must follow. */
export const COMPLAINT_TRANSITIONS: Readonly<Record<string, readonly string[]>> = {
  SUBMITTED: ['ACCEPTED', 'REJECTED', 'DUPLICATE'],
  ACCEPTED: ['IN_PROGRESS', 'REJECTED', 'DUPLICATE'],
  IN_PROGRESS: ['RESOLVED', 'RESOLVED_BY_CITIZENS', 'REJECTED'],
  RESOLVED: [],
  RESOLVED_BY_CITIZENS: [],
  REJECTED: [],
  DUPLICATE: [],
};
export const RESOLVED = ['RESOLVED', 'RESOLVED_BY_CITIZENS'];
/** The author may reopen a resolved complaint within 30 days; it goes back IN_PROGRESS. */
export const REOPEN_WINDOW_MS = 30 * DAY;
const DEFAULT_DEADLINE_WORKING_DAYS = 15;

const TOPICS = [
  ['HOUSING_AND_UTILITIES', 30],
  ['ROADS', 22],
  ['TRANSPORT', 10],
  ['ECOLOGY', 9],
  ['PUBLIC_AMENITIES', 19],
  ['MONUMENT_DAMAGE', 3],
  ['OTHER', 7],
] as const;

const TEXTS: Record<string, readonly string[]> = {
  HOUSING_AND_UTILITIES: [
    'Вторую неделю в доме нет горячей воды, управляющая компания не отвечает на звонки.',
    'Үйдің жертөлесін су басты, кәріз құбыры ағып жатыр.',
    'В подъезде не работает отопление, в квартирах холодно.',
  ],
  ROADS: [
    'На улице глубокие ямы на проезжей части, после дождя машины не могут проехать.',
    'Аула жолы бұзылған, шұңқырлар көп, жөндеу керек.',
    'Разрушен тротуар у школы, дети ходят по дороге.',
  ],
  TRANSPORT: ['Автобус по маршруту ходит реже, чем указано в расписании, остановки не освещены.', 'Аялдамада павильон жоқ, адамдар жаңбырда тұрады.'],
  ECOLOGY: ['За гаражами стихийная свалка мусора, её поджигают по вечерам.', 'Өзен жағасына қоқыс төгіліп жатыр.'],
  PUBLIC_AMENITIES: [
    'Во дворе не горят фонари, вечером темно и опасно.',
    'Балалар алаңындағы әткеншек сынған, балаларға қауіпті.',
    'Сломаны скамейки в сквере, урны не вывозят.',
  ],
  MONUMENT_DAMAGE: ['На памятнике появились трещины и надписи, ограждение сломано.', 'Ескерткіштің қоршауы бұзылған, тақтасы жоқ.'],
  OTHER: ['Бродячие собаки во дворе нападают на прохожих.', 'Көшеде атауы жазылған тақтайшалар жоқ.'],
};

const REJECT_REASONS = [
  'Вопрос не относится к компетенции акимата, заявителю разъяснён порядок обращения.',
  'Указанный адрес не найден, заявитель не вышел на связь.',
  'Мәселе бұрын шешілген, тексеру кезінде бұзушылық анықталмады.',
];
const STEP_COMMENTS = ['Передано в отдел ЖКХ.', 'Бригада выехала на место.', 'Жұмыс жоспарға енгізілді.', 'Работы выполнены, проверено на месте.'];
const REOPEN_REASONS = ['Проблема вернулась через неделю.', 'Жұмыс толық орындалмады.'];

export interface ComplaintStep {
  id: string;
  from: string | null;
  to: string;
  at: number;
  byRole: string;
  bySubject: string;
  comment: string | null;
}

export interface ScaleComplaint {
  row: Row;
  history: ComplaintStep[];
}

/** The nearest akimat on the unit's path that has an officer, else the region (atameken's routing). */
export function responsibleAkimat(code: string, staffed: ReadonlyMap<string, string>): string {
  const path = kato().path(code).map((n) => n.code);
  return [...path].reverse().find((c) => staffed.has(c)) ?? path[0];
}

export function officerOf(akimat: string, staffed: ReadonlyMap<string, string>): string {
  return staffed.get(akimat) ?? `scale-akimat-${akimat}`;
}

/** Filing times spread over the two years, growing towards the end (twice the rate in the last months), in order. */
function filedAt(index: number, count: number, random: Random, since: number, until: number): number {
  const p = (index + random.next()) / count;
  const growth = 1;
  // Inverse of the CDF of a density rising linearly from 1 to 1 + growth.
  const x = (-1 + Math.sqrt(1 + growth * (2 + growth) * p)) / growth;
  return since + x * (until - since - HOUR);
}

/**
 * Complaints in filing order with their status history. Later steps follow earlier ones by
 * realistic delays and stop at `until`, so recent complaints are still open.
 */
export function* generateComplaints(options: ScaleOptions, ctx: ScaleContext, monuments: readonly MonumentRef[]): Generator<ScaleComplaint> {
  const random = Random.stream(options.seed, 'complaints');
  const territories = new TerritoryPicker('people');
  const complaintIds = new IdSequence();
  const changeIds = new IdSequence();
  const monumentsByRegion = new Map<string, MonumentRef[]>();
  for (const m of monuments) monumentsByRegion.set(m.region, [...(monumentsByRegion.get(m.region) ?? []), m]);
  // Originals a later complaint may duplicate: the latest non-duplicate per territory.
  const originals = new Map<string, string>();
  const citizens = Math.max(10, Math.floor(options.complaints / 3));
  const routed = new Map<string, string>();

  for (let i = 0; i < options.complaints; i += 1) {
    const created = Math.round(filedAt(i, options.complaints, random, ctx.since, ctx.until));
    const unit = territories.pick(random);
    const topic = weighted(random, TOPICS);
    const id = complaintIds.id(created);
    const author = `scale-citizen-${random.int(1, citizens)}`;
    const point = random.chance(0.6) ? pointNear(random, unit) : null;
    const regionMonuments = monumentsByRegion.get(unit.region);
    const monument =
      (topic === 'MONUMENT_DAMAGE' || random.chance(0.005)) && monuments.length
        ? random.pick(regionMonuments?.length ? regionMonuments : monuments).id
        : null;
    const responsible = routed.get(unit.code) ?? routed.set(unit.code, responsibleAkimat(unit.code, ctx.staffedAkimats)).get(unit.code)!;
    const officer = officerOf(responsible, ctx.staffedAkimats);
    const workingDays = ctx.topicDeadlines.get(topic) ?? DEFAULT_DEADLINE_WORKING_DAYS;

    const history: ComplaintStep[] = [];
    let status = 'SUBMITTED';
    let at = created;
    let dueOn = addWorkingDays(kzDay(created), workingDays);
    let resolvedAt: number | null = null;
    let duplicateOf: string | null = null;
    let assigned: string | null = null;
    const step = (to: string, exactly: number, byRole: string, bySubject: string, comment: string | null) => {
      const when = Math.round(exactly);
      history.push({ id: changeIds.id(when), from: history.length ? status : null, to, at: when, byRole, bySubject, comment });
      status = to;
      at = when;
    };
    step('SUBMITTED', created, 'CITIZEN', author, null);

    // Where this complaint is headed, if time allows.
    const outcome = weighted(random, [
      ['REJECT_SUBMITTED', 5],
      ['DUPLICATE_SUBMITTED', 5],
      ['REJECT_ACCEPTED', 3],
      ['DUPLICATE_ACCEPTED', 2],
      ['REJECT_IN_PROGRESS', 5],
      ['RESOLVED', 50],
      ['RESOLVED_BY_CITIZENS', 8],
      ['STUCK_SUBMITTED', 5],
      ['STUCK_ACCEPTED', 5],
      ['STUCK_IN_PROGRESS', 12],
    ] as const);
    const original = originals.get(unit.code);
    const akimat = (): [string, string] => (random.chance(0.95) ? ['AKIMAT_OFFICER', officer] : ['ADMIN', 'scale-admin']);
    const tryStep = (to: string, delay: number, comment: string | null = null): boolean => {
      const when = at + delay;
      if (when >= ctx.until) return false;
      const [role, subject] = akimat();
      if (to === 'ACCEPTED' && role === 'AKIMAT_OFFICER') assigned = subject;
      step(to, when, role, subject, comment);
      return true;
    };
    const closeEarly = (to: 'REJECTED' | 'DUPLICATE') =>
      to === 'REJECTED'
        ? tryStep('REJECTED', HOUR * (4 + random.exponential(40)), random.pick(REJECT_REASONS))
        : original !== undefined && tryStep('DUPLICATE', HOUR * (2 + random.exponential(24)), 'Дубликат ранее поданного обращения.') && (duplicateOf = original);

    const stuck = outcome.startsWith('STUCK_') ? outcome.slice(6) : null;
    const earlyAt = outcome.endsWith('_SUBMITTED') && !stuck ? 'SUBMITTED' : outcome.endsWith('_ACCEPTED') && !stuck ? 'ACCEPTED' : null;
    if (earlyAt === 'SUBMITTED') {
      closeEarly(outcome.startsWith('REJECT') ? 'REJECTED' : 'DUPLICATE');
    } else if (stuck !== 'SUBMITTED' && tryStep('ACCEPTED', HOUR * (2 + random.exponential(30)), random.chance(0.3) ? random.pick(STEP_COMMENTS) : null)) {
      if (earlyAt === 'ACCEPTED') {
        closeEarly(outcome.startsWith('REJECT') ? 'REJECTED' : 'DUPLICATE');
      } else if (stuck !== 'ACCEPTED' && tryStep('IN_PROGRESS', HOUR * (4 + random.exponential(48)), random.chance(0.3) ? random.pick(STEP_COMMENTS) : null)) {
        if (outcome === 'REJECT_IN_PROGRESS') {
          tryStep('REJECTED', DAY * (1 + random.exponential(6)), random.pick(REJECT_REASONS));
        } else if (outcome === 'RESOLVED' || outcome === 'RESOLVED_BY_CITIZENS') {
          const resolve = () => {
            const done = tryStep(outcome, DAY * (1 + random.exponential(9)), random.chance(0.5) ? random.pick(STEP_COMMENTS) : null);
            if (done) resolvedAt = at;
            return done;
          };
          // Some authors reopen within the window; the akimat then usually solves it again.
          if (resolve() && random.chance(0.04)) {
            const reopenAt = at + DAY * random.float(1, 29);
            if (reopenAt < ctx.until && reopenAt - resolvedAt! <= REOPEN_WINDOW_MS) {
              step('IN_PROGRESS', reopenAt, 'CITIZEN', author, random.pick(REOPEN_REASONS));
              resolvedAt = null;
              dueOn = addWorkingDays(kzDay(reopenAt), workingDays);
              if (random.chance(0.7)) resolve();
            }
          }
        }
      }
    }
    if (status !== 'DUPLICATE') originals.set(unit.code, id);

    yield {
      row: {
        id,
        topic,
        text: `${random.pick(TEXTS[topic])} ${unit.names.ru}.`,
        territory_code: unit.code,
        lat: point?.lat ?? null,
        lon: point?.lon ?? null,
        monument_id: monument,
        status,
        author_subject: author,
        created_at: iso(created),
        updated_at: iso(at),
        responsible_territory_code: responsible,
        due_on: dueOn,
        resolved_at: resolvedAt === null ? null : iso(resolvedAt),
        duplicate_of_id: duplicateOf,
        assigned_officer_subject: assigned,
      },
      history,
    };
  }
}

export function complaintHistoryRows(complaint: ScaleComplaint): Row[] {
  return complaint.history.map((s) => ({
    id: s.id,
    complaint_id: complaint.row.id as string,
    from_status: s.from,
    to_status: s.to,
    by_role: s.byRole,
    by_subject: s.bySubject,
    comment: s.comment,
    at: iso(s.at),
  }));
}
