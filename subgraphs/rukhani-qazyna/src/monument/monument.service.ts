import { badUserInput, forbidden, hasAnyLanguage, kato, localizedColumns, notFound, patchLocalized, type ConnectionShape, type GeoPointInput } from '@rz/schema';
import { newId, paginate, paginateBy, paginateTerritories, requireViewer, type PageOrder, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { SelectQueryBuilder } from 'typeorm';
import { isEditor } from '../access/rukhani-qazyna-access';
import { recomputeRoutesThroughMonument } from '../tourism-route/tourism-route.geometry';
import { MonumentEntity } from './monument.entity';
import { boxAround, haversineSql, searchWords } from './monument-geo';
import type { CreateMonumentInput, MonumentFilter, UpdateMonumentInput } from './monument.input';
import { monumentByIdLoader } from './monument.loader';
import type { RukhaniQazynaContext } from '../context';

export const NEAREST_MAX_RADIUS_KM = 3000;
/** Least pg_trgm word similarity of a spelling variant: "ясави" to "Ясауи" is 0.57, unrelated names stay below. */
const SIMILAR_WORD = 0.5;

/** 1 for a word found as typed, its similarity for a spelling variant, else 0 (the word is parameter :word<index>). */
function wordScore(alias: string, index: number): string {
  const similarity = `extensions.word_similarity(rq_search_latin(:word${index}), ${alias}.search_latin)`;
  return `(CASE WHEN strpos(${alias}.search_name, rq_search_fold(:word${index})) > 0 THEN 1 WHEN ${similarity} >= ${SIMILAR_WORD} THEN ${similarity} ELSE 0 END)`;
}
export const NEAREST_MAX_COUNT = 100;

export interface MonumentNearby {
  monument: MonumentEntity;
  distanceKm: number;
}

export class MonumentService {
  constructor(private readonly ctx: RukhaniQazynaContext) {}

  private get repository() {
    return this.ctx.db.getRepository(MonumentEntity);
  }

  async byId(id: string): Promise<MonumentEntity | null> {
    if (!isUUID(id)) return null;
    return this.ctx.loaders.get(monumentByIdLoader).load(id);
  }

  async list(filter: MonumentFilter | null = {}, page: PageRequest): Promise<ConnectionShape<MonumentEntity>> {
    filter ??= {}; // an explicit null argument from GraphQL
    const query = this.repository.createQueryBuilder('m');
    this.applyFilter(query, filter, 'filter');
    const order = relevanceOrder(filter);
    return order ? paginateBy(query, page, order) : paginate(query, page);
  }

  /** One page per territory (with the units below it), in the same statements for any number of territories. */
  listWithin(codes: string[], filter: MonumentFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<MonumentEntity>[]> {
    const unscoped: MonumentFilter = { ...filter, territory: undefined };
    const query = this.repository.createQueryBuilder('m');
    this.applyFilter(query, unscoped, 'filter');
    return paginateTerritories(query, codes, page, { within: (subtree) => `m.territoryCode IN (${subtree})`, order: relevanceOrder(unscoped) });
  }

  /** Monuments with coordinates within radiusKm of a point, nearest first (ties by id). */
  async nearest(point: GeoPointInput, radiusKm: number, count: number, filter: MonumentFilter | null | undefined): Promise<MonumentNearby[]> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    if (!(radiusKm > 0 && radiusKm <= NEAREST_MAX_RADIUS_KM)) throw badUserInput('radiusKm', `radiusKm must be above 0 and at most ${NEAREST_MAX_RADIUS_KM}`);
    if (!(Number.isInteger(count) && count >= 1 && count <= NEAREST_MAX_COUNT)) throw badUserInput('first', `first must be 1 to ${NEAREST_MAX_COUNT}`);
    const box = boxAround(point, radiusKm);
    const distance = haversineSql('m');
    const query = this.repository
      .createQueryBuilder('m')
      .addSelect(distance, 'distance_km')
      .where('m.lat BETWEEN :south AND :north AND m.lon BETWEEN :west AND :east', box)
      .andWhere(`${distance} <= :radius`, { lat: point.lat, lon: point.lon, radius: radiusKm })
      .orderBy('distance_km', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .limit(count);
    this.applyFilter(query, filter, 'filter');
    const { entities, raw } = await query.getRawAndEntities<{ m_id: string; distance_km: number }>();
    const distances = new Map(raw.map((r) => [r.m_id, Number(r.distance_km)]));
    return entities.map((monument) => ({ monument, distanceKm: distances.get(monument.id)! }));
  }

  private applyFilter(query: SelectQueryBuilder<MonumentEntity>, filter: MonumentFilter, path: string): void {
    if (filter.territory) {
      query.andWhere('m.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, `${path}.territory`) });
    }
    if (filter.type) query.andWhere('m.type = :type', { type: filter.type });
    if (filter.significance) query.andWhere('m.significance = :significance', { significance: filter.significance });
    if (filter.condition) query.andWhere('m.condition = :condition', { condition: filter.condition });
    if (filter.onStateList !== undefined && filter.onStateList !== null) query.andWhere('m.onStateList = :onStateList', { onStateList: filter.onStateList });
    // Each word is found as typed (folded: case, Kazakh letters and accents never matter) or as a
    // spelling variant: trigram similarity of the names and the word in Latin letters ("ясави" finds "Ясауи").
    for (const [index, word] of searchWords(filter.search).entries()) {
      query.andWhere(`${wordScore('m', index)} > 0`, { [`word${index}`]: word });
    }
    if (filter.within) {
      const { south, west, north, east } = filter.within;
      if (south > north) throw badUserInput(`${path}.within.south`, 'south must not be above north');
      if (west > east) throw badUserInput(`${path}.within.west`, 'west must not be east of east');
      query.andWhere('m.lat BETWEEN :boxSouth AND :boxNorth AND m.lon BETWEEN :boxWest AND :boxEast', {
        boxSouth: south,
        boxNorth: north,
        boxWest: west,
        boxEast: east,
      });
    }
  }

  async create(input: CreateMonumentInput): Promise<MonumentEntity> {
    this.requireEditor();
    if (!hasAnyLanguage(input.name)) throw badUserInput('input.name', 'Give the name in at least one language');
    kato().require(input.territory, 'input.territory');
    const monument = this.repository.create({
      id: newId(),
      ...localizedColumns('name', input.name),
      ...localizedColumns('description', input.description),
      type: input.type,
      significance: input.significance,
      territoryCode: input.territory,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      period: input.period ?? null,
      onStateList: input.onStateList,
      unescoStatus: input.unescoStatus ?? null,
      condition: null,
      conditionAssessedOn: null,
      conditionAssessedBy: null,
      sourceId: null,
      sources: null,
    });
    return this.repository.save(monument);
  }

  async update(id: string, input: UpdateMonumentInput): Promise<MonumentEntity> {
    this.requireEditor();
    if (!isUUID(id)) throw notFound('Monument', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const monument = await manager.findOne(MonumentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!monument) throw notFound('Monument', id, 'id');
      const placeBefore = `${monument.territoryCode}|${monument.lat}|${monument.lon}`;
      if (input.territory) monument.territoryCode = kato().require(input.territory, 'input.territory').code;
      if (input.name && !hasAnyLanguage(patchLocalized(monument, 'name', input.name))) {
        throw badUserInput('input.name', 'Give the name in at least one language');
      }
      if (input.description) patchLocalized(monument, 'description', input.description);
      if (input.location) Object.assign(monument, { lat: input.location.lat, lon: input.location.lon });
      if (input.type) monument.type = input.type;
      if (input.significance) monument.significance = input.significance;
      if (input.period !== undefined && input.period !== null) monument.period = input.period;
      if (input.onStateList !== undefined && input.onStateList !== null) monument.onStateList = input.onStateList;
      const saved = await manager.save(MonumentEntity, monument);
      // Routes through this monument derive their length and regions from its place.
      if (`${monument.territoryCode}|${monument.lat}|${monument.lon}` !== placeBefore) await recomputeRoutesThroughMonument(manager, id);
      return saved;
    });
  }

  /** Monuments are edited by the Culture ministry's editors (and admins). */
  private requireEditor(): void {
    if (!isEditor(requireViewer(this.ctx.viewer))) throw forbidden('Only editors of the Rukhani Qazyna subprogramme may edit monuments');
  }
}

/** A search is ranked by relevance: the sum of its words' scores, most relevant first; no order without one. */
function relevanceOrder(filter: MonumentFilter): PageOrder | undefined {
  const words = searchWords(filter.search);
  if (!words.length) return undefined;
  return { sql: `round((${words.map((_, index) => wordScore('m', index)).join(' + ')})::numeric, 4)`, direction: 'DESC' };
}
