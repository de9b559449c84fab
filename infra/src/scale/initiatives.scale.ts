import { Random, weighted } from './prng';
import { IdSequence } from './scale-id';
import { iso, type Row, type ScaleContext, type ScaleOptions } from './scale-options';
import { pointNear, TerritoryPicker } from './scale-territories';
import { DAY } from './scale-time';
import { responsibleAkimat } from './complaints.scale';

export interface InitiativeRef {
  id: string;
  region: string;
}

const DIRECTIONS = [
  ['ECOLOGY_AND_AMENITIES', 25],
  ['HOUSING_AND_UTILITIES', 12],
  ['EDUCATION', 14],
  ['HEALTH', 8],
  ['CULTURE', 12],
  ['SPORT', 12],
  ['CONSTRUCTION_AND_REPAIR', 9],
  ['TOURISM', 4],
  ['VULNERABLE_GROUPS', 4],
] as const;
const TITLES: Record<string, [string, string]> = {
  ECOLOGY_AND_AMENITIES: ['Аулаға ағаш отырғызу', 'Озеленение двора'],
  HOUSING_AND_UTILITIES: ['Кіреберісті жөндеу', 'Ремонт подъезда'],
  EDUCATION: ['Мектеп кітапханасы', 'Школьная библиотека'],
  HEALTH: ['Ауылдық дәрігерлік пункт', 'Сельский медпункт'],
  CULTURE: ['Ауыл клубын жаңарту', 'Обновление сельского клуба'],
  SPORT: ['Аула спорт алаңы', 'Дворовая спортплощадка'],
  CONSTRUCTION_AND_REPAIR: ['Көпір жөндеу', 'Ремонт моста'],
  TOURISM: ['Туристік соқпақ', 'Туристическая тропа'],
  VULNERABLE_GROUPS: ['Қарттарға көмек', 'Помощь пожилым'],
};

/**
 * Initiatives over the two years. Statuses follow the initiative lifecycle: work starts only with
 * the estimate covered (here by the budget), an implemented one carries its record.
 */
export function generateInitiatives(options: ScaleOptions, ctx: ScaleContext): { refs: InitiativeRef[]; rows: Row[] } {
  const random = Random.stream(options.seed, 'initiatives');
  const territories = new TerritoryPicker('people');
  const ids = new IdSequence();
  const refs: InitiativeRef[] = [];
  const rows: Row[] = [];
  for (let i = 0; i < options.initiatives; i += 1) {
    const created = ctx.since + (ctx.until - ctx.since - DAY) * ((i + random.next()) / options.initiatives);
    const unit = territories.pick(random);
    const direction = weighted(random, DIRECTIONS);
    const [titleKk, titleRu] = TITLES[direction];
    const id = ids.id(created);
    const estimate = random.int(2, 4000) * 50_000;
    const point = random.chance(0.5) ? pointNear(random, unit) : null;
    const ngo = random.chance(0.2);
    const age = ctx.until - created;
    const decided = created + DAY * random.float(5, 60);
    const status =
      decided >= ctx.until
        ? 'INITIATED'
        : weighted(random, [
            ['INITIATED', 15],
            ['IN_PROGRESS', 30],
            ['IMPLEMENTED', age > 120 * DAY ? 35 : 5],
            ['REJECTED', 12],
            ['WITHDRAWN', 5],
          ] as const);
    const working = status === 'IN_PROGRESS' || status === 'IMPLEMENTED';
    const implemented = status === 'IMPLEMENTED' ? Math.max(decided, Math.min(ctx.until - DAY, decided + DAY * random.float(30, 240))) : null;
    refs.push({ id, region: unit.region });
    rows.push({
      id,
      kind: weighted(random, [['SOCIAL', 30], ['INFRASTRUCTURE', 35], ['MATERIAL_AID', 10], ['LOGISTICS', 5], ['CHARITY_EVENT', 20]] as const),
      direction,
      category: random.chance(0.7) ? 'A' : 'B',
      title_kk: `${titleKk}: ${unit.names.kk}`,
      title_ru: `${titleRu}: ${unit.names.ru}`,
      title_en: null,
      description_kk: null,
      description_ru: `${titleRu} силами жителей и акимата (масштабные данные, №${i + 1}).`,
      description_en: null,
      territory_code: unit.code,
      lat: point?.lat ?? null,
      lon: point?.lon ?? null,
      estimate,
      status,
      status_reason: status === 'REJECTED' ? 'Не хватает средств в бюджете текущего года.' : null,
      author_subject: `scale-citizen-${random.int(1, Math.max(10, options.initiatives))}`,
      created_at: iso(created),
      updated_at: iso(implemented ?? (status === 'INITIATED' ? created : decided)),
      responsible_territory_code: responsibleAkimat(unit.code, ctx.staffedAkimats),
      author_kind: ngo ? 'NGO' : 'CITIZEN',
      author_organisation: ngo ? `Общественный фонд «Ізгі ниет-${random.int(1, 300)}»` : null,
      budget_amount: working ? estimate : 0,
      budget_decision: working ? `Решение маслихата №${random.int(1, 999)}` : null,
      progress: status === 'IMPLEMENTED' ? 100 : status === 'IN_PROGRESS' ? random.int(0, 95) : 0,
      started_at: working ? iso(decided) : null,
      implemented_at: implemented === null ? null : iso(implemented),
      result_kk: null,
      result_ru: implemented === null ? null : 'Работы завершены и приняты комиссией.',
      result_en: null,
      people_served: implemented === null ? null : random.int(20, 5000),
    });
  }
  return { refs, rows };
}
