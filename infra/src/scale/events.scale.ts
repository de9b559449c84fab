import { Random, weighted } from './prng';
import { IdSequence } from './scale-id';
import { iso, type Row, type ScaleContext, type ScaleOptions } from './scale-options';
import { TerritoryPicker } from './scale-territories';
import { DAY, HOUR } from './scale-time';
import type { MonumentRef } from './monuments.scale';

export interface EventRef {
  id: string;
  territory: string;
  region: string;
  starts: number;
  /** Registrations to write: confirmed, then waiting, then cancelled. */
  confirmed: number;
  waiting: number;
  cancelled: number;
}

export interface ScaleEvents {
  refs: EventRef[];
  events: Row[];
  eventMonuments: Row[];
}

const KINDS = [
  ['COMPETITION', 12],
  ['OLYMPIAD', 10],
  ['YOUNG_HISTORIANS_RALLY', 5],
  ['CONFERENCE', 6],
  ['EXCURSION', 20],
  ['MUSEUM_LESSON', 15],
  ['WEEK_IN_THE_VILLAGE', 4],
  ['WEEK_IN_THE_CITY', 4],
  ['MASTER_CLASS', 12],
  ['WEBINAR', 8],
  ['EXPEDITION', 4],
] as const;
const TITLES: Record<string, [string, string]> = {
  COMPETITION: ['Байқау', 'Конкурс'],
  OLYMPIAD: ['Олимпиада', 'Олимпиада'],
  YOUNG_HISTORIANS_RALLY: ['Жас тарихшылар слеті', 'Слёт юных историков'],
  CONFERENCE: ['Конференция', 'Конференция'],
  EXCURSION: ['Экскурсия', 'Экскурсия'],
  MUSEUM_LESSON: ['Мұражай сабағы', 'Урок в музее'],
  WEEK_IN_THE_VILLAGE: ['Ауылдағы апта', 'Неделя в ауле'],
  WEEK_IN_THE_CITY: ['Қаладағы апта', 'Неделя в городе'],
  MASTER_CLASS: ['Шеберлік сыныбы', 'Мастер-класс'],
  WEBINAR: ['Вебинар', 'Вебинар'],
  EXPEDITION: ['Экспедиция', 'Экспедиция'],
};
/** Kinds that take pupils to monuments. */
const VISITS = new Set(['EXCURSION', 'MUSEUM_LESSON', 'EXPEDITION', 'YOUNG_HISTORIANS_RALLY']);

/** Event status by where the event stands against `until`: the lifecycle each one went through. */
function statusAt(starts: number, ends: number, until: number, random: Random): string {
  if (starts > until + 30 * DAY) return 'PLANNED';
  if (starts > until) return random.chance(0.9) ? 'REGISTRATION_OPEN' : 'PLANNED';
  if (random.chance(0.04)) return 'CANCELLED';
  return ends > until ? 'ONGOING' : 'COMPLETED';
}

/**
 * Events over the two years and the next three months, with the registration counts each
 * will get: confirmed places never exceed capacity, the rest wait when the event keeps a list.
 */
export function generateEvents(options: ScaleOptions, ctx: ScaleContext, monuments: readonly MonumentRef[]): ScaleEvents {
  const random = Random.stream(options.seed, 'events');
  const territories = new TerritoryPicker('people');
  const ids = new IdSequence();
  const out: ScaleEvents = { refs: [], events: [], eventMonuments: [] };
  const monumentsByRegion = new Map<string, MonumentRef[]>();
  for (const m of monuments) monumentsByRegion.set(m.region, [...(monumentsByRegion.get(m.region) ?? []), m]);
  const horizon = ctx.until + 90 * DAY;

  const drafts = [];
  for (let i = 0; i < options.events; i += 1) {
    const starts = ctx.since + 30 * DAY + (horizon - ctx.since - 30 * DAY) * ((i + random.next()) / options.events);
    const kind = weighted(random, KINDS);
    const ends = starts + (kind.startsWith('WEEK_') ? 6 * DAY : kind === 'EXPEDITION' ? 3 * DAY : HOUR * random.int(2, 8));
    // Announced two to eight weeks ahead, never after the data ends.
    const created = Math.min(starts - DAY * random.float(14, 60), ctx.until - HOUR * random.float(1, 240));
    const status = statusAt(starts, ends, ctx.until, random);
    drafts.push({ starts, ends, created, kind, status, unit: territories.pick(random), appeal: status === 'PLANNED' ? 0 : random.exponential(1) });
  }
  // Registrations shared out by appeal; events still PLANNED take none.
  const totalAppeal = drafts.reduce((sum, d) => sum + d.appeal, 0);
  let allotted = 0;
  const lastOpen = drafts.map((d) => d.appeal > 0).lastIndexOf(true);

  drafts.forEach((d, i) => {
    const id = ids.id(d.created);
    const count =
      totalAppeal === 0 ? 0 : i === lastOpen ? options.registrations - allotted : Math.min(options.registrations - allotted, Math.round((options.registrations * d.appeal) / totalAppeal));
    allotted += count;
    const cancelled = Math.round(count * 0.05);
    const live = count - cancelled;
    let capacity: number | null = random.chance(0.8) ? Math.max(1, Math.ceil(live * random.float(0.8, 1.6))) : null;
    if (capacity !== null && capacity > 100_000) capacity = 100_000;
    const confirmed = capacity === null ? live : Math.min(live, capacity);
    const waiting = live - confirmed;
    const [titleKk, titleRu] = TITLES[d.kind];
    out.refs.push({ id, territory: d.unit.code, region: d.unit.region, starts: d.starts, confirmed, waiting, cancelled });
    out.events.push({
      id,
      kind: d.kind,
      base_project: weighted(random, [['OLKETANU', 40], ['OTANYM_TAGDYRYM', 30], ['SANALY_AZAMAT', 30]] as const),
      title_kk: `${d.unit.names.kk}: ${titleKk} №${i + 1}`,
      title_ru: `${titleRu} (${d.unit.names.ru}) №${i + 1}`,
      title_en: null,
      description_kk: null,
      description_ru: random.chance(0.4) ? `${titleRu} для школьников: ${d.unit.names.ru}.` : null,
      description_en: null,
      starts_at: iso(d.starts),
      ends_at: iso(d.ends),
      territory_code: d.unit.code,
      venue: d.kind === 'WEBINAR' ? 'online' : `Школа №${random.int(1, 120)}`,
      capacity,
      status: d.status,
      organiser: 'Отдел образования (масштабные данные)',
      created_at: iso(d.created),
      updated_at: iso(Math.min(ctx.until, d.status === 'COMPLETED' ? d.ends : d.created)),
      waiting_list: waiting > 0 || random.chance(0.3),
      confirmed_count: confirmed,
      waiting_count: waiting,
    });
    const nearby = monumentsByRegion.get(d.unit.region);
    if (VISITS.has(d.kind) && nearby?.length && random.chance(0.6)) {
      const visited = new Set<string>();
      for (let n = random.int(1, 3); visited.size < Math.min(n, nearby.length); ) visited.add(random.pick(nearby).id);
      [...visited].forEach((monumentId, position) => out.eventMonuments.push({ event_id: id, monument_id: monumentId, position }));
    }
  });
  return out;
}

const SCHOOLS = ['Школа-гимназия', 'Средняя школа', 'Лицей', 'Мектеп-гимназия'];
const STUDENTS = 400_000;

/** Registrations of each event in its confirmed, waiting and cancelled counts; pupils from schools of the event's region. */
export function* generateRegistrations(options: ScaleOptions, ctx: ScaleContext, events: readonly EventRef[]): Generator<Row> {
  const random = Random.stream(options.seed, 'registrations');
  const schools = new TerritoryPicker('people');
  const ids = new IdSequence();
  for (const e of events) {
    const count = e.confirmed + e.waiting + e.cancelled;
    if (!count) continue;
    // Distinct participants per event: a stride coprime with the population walks it without repeats.
    let subject = random.int(0, STUDENTS - 1);
    const closes = Math.min(e.starts, ctx.until);
    const opensAt = Math.min(e.starts - 45 * DAY, closes - DAY);
    for (let n = 0; n < count; n += 1) {
      subject = (subject + 7_919) % STUDENTS;
      const status = n < e.confirmed ? 'CONFIRMED' : n < e.confirmed + e.waiting ? 'WAITING' : 'CANCELLED';
      const registered = opensAt + random.next() * (closes - opensAt);
      const teacher = random.chance(0.06);
      const school = schools.pickIn(random, e.region);
      yield {
        id: ids.id(registered),
        event_id: e.id,
        participant_subject: `scale-${teacher ? 'teacher' : 'student'}-${subject}`,
        participant_kind: teacher ? 'TEACHER' : 'STUDENT',
        grade: teacher ? null : random.int(5, 11),
        school: `${random.pick(SCHOOLS)} №${random.int(1, 90)}`,
        school_territory_code: school.code,
        status,
        registered_at: iso(registered),
        confirmed_at: status === 'CONFIRMED' ? iso(registered) : null,
        cancelled_at: status === 'CANCELLED' ? iso(registered + random.next() * (closes - registered)) : null,
      };
    }
  }
}
