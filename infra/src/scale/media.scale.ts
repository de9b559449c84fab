import { kato, TerritoryLevel } from '@rz/schema';
import { Random, weighted } from './prng';
import { IdSequence } from './scale-id';
import { iso, type Row, type ScaleContext, type ScaleOptions } from './scale-options';
import { TerritoryPicker, type ScaleUnit } from './scale-territories';
import { addDays, DAY, HOUR, kzDay, kzDayStart } from './scale-time';
import type { EventRef } from './events.scale';
import type { InitiativeRef } from './initiatives.scale';
import type { MonumentRef } from './monuments.scale';

export interface ScaleMedia {
  plans: Row[];
  items: Row[];
  subjects: Row[];
  faces: Row[];
  faceChanges: Row[];
  faceSupports: Row[];
}

interface Subjects {
  monuments: readonly MonumentRef[];
  events: readonly EventRef[];
  initiatives: readonly InitiativeRef[];
}

const OUTLETS = [
  ['TV', '«Хабар»', 'REPUBLICAN'],
  ['TV', 'Облыстық телеарна', 'REGIONAL'],
  ['RADIO', 'Qazaq Radiosy', 'REPUBLICAN'],
  ['PRINT', 'Аудандық газет', 'REGIONAL'],
  ['ONLINE', 'Tengrinews', 'REPUBLICAN'],
  ['ONLINE', 'Облыстық портал', 'REGIONAL'],
  ['SOCIAL_MEDIA', 'Instagram акимата', 'REGIONAL'],
] as const;
const FORMATS = ['Сюжет', 'Интервью', 'Статья', 'Пост', 'Репортаж'];
const SPHERES = ['BUSINESS', 'CULTURE', 'SCIENCE', 'SPORT', 'EDUCATION', 'MEDICINE', 'PUBLIC_SERVICE', 'VOLUNTEERING', 'OTHER'] as const;
const NAMES = ['Айгүл', 'Нұрлан', 'Дәурен', 'Сәуле', 'Ерлан', 'Мадина', 'Асхат', 'Гүлнар', 'Бауыржан', 'Әсел'];
const SURNAMES = ['Сейітов', 'Жұмабаева', 'Оспанов', 'Ахметова', 'Тәжібаев', 'Қасымова', 'Нұрпейісов', 'Смағұлова'];

function regionOf(code: string): string {
  return kato().region(code).code;
}

/** Periods (a whole year or a quarter) that start inside the data window: [year, quarter | null, first day]. */
function periods(ctx: ScaleContext): [number, number | null, string][] {
  const out: [number, number | null, string][] = [];
  for (let year = new Date(ctx.since).getUTCFullYear(); year <= new Date(ctx.until).getUTCFullYear(); year += 1) {
    for (const quarter of [null, 1, 2, 3, 4]) {
      const first = `${year}-${String(quarter === null ? 1 : (quarter - 1) * 3 + 1).padStart(2, '0')}-01`;
      const start = kzDayStart(first);
      if (start >= ctx.since && start < ctx.until) out.push([year, quarter, first]);
    }
  }
  return out;
}

function periodEnd(year: number, quarter: number | null): string {
  if (quarter === null) return `${year}-12-31`;
  return new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
}

/**
 * Media plans of akimats (one per territory and period), their items (published once the plan is
 * approved and the day has come), the initiatives, monuments, events and faces they cover,
 * and "100 new faces" nominations whose FEATURED ones point at the published item that featured them.
 */
export function generateMedia(options: ScaleOptions, ctx: ScaleContext, subjects: Subjects): ScaleMedia {
  const random = Random.stream(options.seed, 'media');
  const out: ScaleMedia = { plans: [], items: [], subjects: [], faces: [], faceChanges: [], faceSupports: [] };
  const planIds = new IdSequence();
  const itemIds = new IdSequence();
  const byRegion = <T extends { region: string }>(list: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const x of list) map.set(x.region, [...(map.get(x.region) ?? []), x]);
    return map;
  };
  const regional = { MONUMENT: byRegion(subjects.monuments), EVENT: byRegion(subjects.events), INITIATIVE: byRegion(subjects.initiatives) };
  const akimats = new TerritoryPicker('people', (u) => u.level !== TerritoryLevel.SETTLEMENT);
  const regions = kato().regions;
  const windows = periods(ctx);
  const taken = new Set(ctx.takenMediaPeriods);
  /** Published items per region with when they went out: faces are featured by one of them. */
  const published = new Map<string, { id: string; at: number; subjects: Set<string> }[]>();

  for (let attempts = 0; out.plans.length < options.mediaPlans; attempts += 1) {
    if (attempts > options.mediaPlans * 50 || !windows.length) throw new Error(`Could not find ${options.mediaPlans} free media plan periods`);
    const unit: Pick<ScaleUnit, 'code' | 'region'> = random.chance(0.1)
      ? { code: random.pick(regions).code, region: '' }
      : akimats.pick(random);
    const region = unit.region || unit.code;
    const [year, quarter, first] = random.pick(windows);
    const key = `${unit.code}/${year}/${quarter ?? 0}`;
    if (taken.has(key)) continue;
    taken.add(key);

    const deadline = addDays(first, -10);
    const created = Math.max(ctx.since - 20 * DAY, kzDayStart(deadline) - DAY * random.float(10, 40));
    const submitted = kzDayStart(deadline) - DAY * random.float(-5, 9);
    const reviewed = submitted + DAY * random.float(1, 10);
    const status =
      submitted >= ctx.until
        ? 'DRAFT'
        : reviewed >= ctx.until
          ? 'SUBMITTED'
          : weighted(random, [['APPROVED', 82], ['RETURNED', 5], ['SUBMITTED', 5], ['DRAFT', 8]] as const);
    const officer = `scale-akimat-${unit.code}`;
    const planId = planIds.id(created);
    const reviewedStatus = status === 'APPROVED' || status === 'RETURNED';
    out.plans.push({
      id: planId,
      territory_code: unit.code,
      year,
      quarter,
      submission_deadline: deadline,
      status,
      remarks: status === 'RETURNED' ? 'Добавьте материалы на казахском языке.' : null,
      created_by: officer,
      submitted_at: status === 'DRAFT' ? null : iso(submitted),
      reviewed_at: reviewedStatus ? iso(reviewed) : null,
      reviewed_by: reviewedStatus ? 'scale-project-office' : null,
      created_at: iso(created),
      updated_at: iso(reviewedStatus ? reviewed : status === 'SUBMITTED' ? submitted : created),
    });

    const from = kzDayStart(first);
    const to = kzDayStart(periodEnd(year, quarter)) + DAY - HOUR;
    for (let n = random.int(3, 9); n > 0; n -= 1) {
      const [channel, outlet, level] = random.pick(OUTLETS);
      const planned = kzDay(from + random.next() * (to - from));
      const publishOn = addDays(planned, random.int(0, 3));
      const due = status === 'APPROVED' && kzDayStart(publishOn) + 12 * HOUR < ctx.until;
      const fate = due ? weighted(random, [['PUBLISHED', 80], ['CANCELLED', 8], ['PLANNED', 12]] as const) : 'PLANNED';
      const closedAt = fate === 'PUBLISHED' ? kzDayStart(publishOn) + 12 * HOUR : fate === 'CANCELLED' ? kzDayStart(planned) : null;
      const itemId = itemIds.id(created + HOUR);
      out.items.push({
        id: itemId,
        plan_id: planId,
        channel,
        outlet,
        level,
        format: random.pick(FORMATS),
        rubric: random.chance(0.5) ? 'Рухани жаңғыру' : null,
        planned_date: planned,
        language: weighted(random, [['kk', 60], ['ru', 38], ['en', 2]] as const),
        status: fate,
        created_by: officer,
        created_at: iso(created + HOUR),
        updated_at: iso(closedAt ?? created + HOUR),
        link: fate === 'PUBLISHED' ? `https://media.example.kz/scale/${itemId}` : null,
        published_on: fate === 'PUBLISHED' ? publishOn : null,
        reach: fate === 'PUBLISHED' ? Math.round(random.exponential(8000)) : null,
        cancellation_reason: fate === 'CANCELLED' ? 'Эфирное время перенесено.' : null,
        closed_at: closedAt === null ? null : iso(closedAt),
        closed_by: closedAt === null ? null : officer,
      });
      const covered = new Set<string>();
      if (random.chance(0.55)) {
        for (let s = random.int(1, 2); s > 0; s -= 1) {
          const kind = weighted(random, [['INITIATIVE', 40], ['MONUMENT', 35], ['EVENT', 25]] as const);
          const pool = regional[kind].get(region);
          if (!pool?.length) continue;
          const subjectId = random.pick(pool).id;
          if (covered.has(subjectId)) continue;
          out.subjects.push({ item_id: itemId, kind, subject_id: subjectId, position: covered.size });
          covered.add(subjectId);
        }
      }
      if (fate === 'PUBLISHED') {
        published.set(region, [...(published.get(region) ?? []), { id: itemId, at: closedAt!, subjects: covered }]);
      }
    }
  }

  generateFaces(options, ctx, random, published, out);
  return out;
}

function generateFaces(
  options: ScaleOptions,
  ctx: ScaleContext,
  random: Random,
  published: Map<string, { id: string; at: number; subjects: Set<string> }[]>,
  out: ScaleMedia,
): void {
  const territories = new TerritoryPicker('people');
  const faceIds = new IdSequence();
  const changeIds = new IdSequence();
  for (let i = 0; i < options.faces; i += 1) {
    const nominated = ctx.since + (ctx.until - ctx.since - 2 * DAY) * ((i + random.next()) / options.faces);
    const unit = territories.pick(random);
    const id = faceIds.id(nominated);
    const nominator = `scale-resident-${random.int(1, 50_000)}`;
    let status = 'NOMINATED';
    let at = nominated;
    let featured: { id: string; at: number } | null = null;
    let declineReason: string | null = null;
    const changes: Row[] = [];
    const change = (to: string, when: number, by: string, reason: string | null = null, item: string | null = null) => {
      changes.push({ id: changeIds.id(when), face_id: id, from_status: changes.length ? status : null, to_status: to, reason, changed_by: by, media_item_id: item, changed_at: iso(when) });
      status = to;
      at = when;
    };
    change('NOMINATED', nominated, nominator);
    const goal = weighted(random, [['NOMINATED', 45], ['SHORTLISTED', 20], ['SELECTED', 12], ['FEATURED', 13], ['DECLINED', 10]] as const);
    const declineFrom = goal === 'DECLINED' ? random.pick(['NOMINATED', 'SHORTLISTED', 'SELECTED']) : null;
    const ladder = ['SHORTLISTED', 'SELECTED', 'FEATURED'];
    for (const next of ladder) {
      if (status === goal || status === declineFrom) break;
      const when = at + DAY * random.float(7, 45);
      if (when >= ctx.until) break;
      if (next === 'FEATURED') {
        const candidates = (published.get(unit.region) ?? []).filter((p) => p.at > at && p.subjects.size < 20);
        if (!candidates.length) break;
        const item = random.pick(candidates);
        item.subjects.add(id);
        out.subjects.push({ item_id: item.id, kind: 'FACE', subject_id: id, position: item.subjects.size - 1 });
        featured = item;
        change('FEATURED', item.at, 'scale-media-publication', null, item.id);
      } else {
        change(next, when, next === 'SELECTED' ? 'scale-project-office' : `scale-akimat-${unit.code}`);
      }
    }
    if (goal === 'DECLINED' && status === declineFrom) {
      const when = at + DAY * random.float(3, 30);
      if (when < ctx.until) {
        declineReason = 'Кандидат отказался от участия.';
        change('DECLINED', when, 'scale-project-office', declineReason);
      }
    }
    const name = `${random.pick(NAMES)} ${random.pick(SURNAMES)}`;
    out.faces.push({
      id,
      name,
      territory_code: unit.code,
      region_code: regionOf(unit.code),
      sphere: random.pick(SPHERES),
      story_kk: random.chance(0.5) ? `${name} — ${unit.names.kk} тұрғыны, жерлестерінің құрметіне бөленген.` : null,
      story_ru: `${name} — житель: ${unit.names.ru}; история для масштабных данных.`,
      story_en: null,
      nominated_by: 'Жители и общественные организации',
      nominator_subject: nominator,
      status,
      decline_reason: declineReason,
      featured_at: featured ? iso(featured.at) : null,
      featured_item_id: featured?.id ?? null,
      nominated_at: iso(nominated),
      status_changed_at: iso(at),
      created_at: iso(nominated),
      updated_at: iso(at),
    });
    out.faceChanges.push(...changes);
    // Residents' support: distinct people, between the nomination and the end of the data.
    let supporter = random.int(0, 99_999);
    for (let n = Math.round(random.exponential(12)); n > 0; n -= 1) {
      supporter = (supporter + 7_919) % 100_000;
      out.faceSupports.push({ face_id: id, subject: `scale-resident-${supporter}`, created_at: iso(nominated + random.next() * (ctx.until - nominated)) });
    }
  }
}
