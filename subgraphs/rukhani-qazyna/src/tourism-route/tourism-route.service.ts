import { badUserInput, hasAnyLanguage, invalidTransition, kato, localizedColumns, notFound, patchLocalized, type ConnectionShape, type TerritoryNode } from '@rz/schema';
import { newId, paginate, paginateTerritories, requireViewer, Role, type PageRequest, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { In, type EntityManager } from 'typeorm';
import { isEditor, managesTerritory, requireManagerRole, requireManagesTerritory } from '../access/rukhani-qazyna-access';
import { MonumentEntity } from '../monument/monument.entity';
import { TourismRouteEntity, type TourOperatorContactValue } from './tourism-route.entity';
import { TourismRouteStatus, TourismRouteType } from './tourism-route.enums';
import { recomputeRoute } from './tourism-route.geometry';
import type {
  CreateTourismRouteInput,
  TourismRouteFilter,
  TourismRouteStopInput,
  TourOperatorContactInput,
  UpdateTourismRouteInput,
} from './tourism-route.input';
import { tourismRouteByIdLoader, tourismRouteStopsLoader, type RouteStopView } from './tourism-route.loader';
import { TourismRouteStopEntity } from './tourism-route-stop.entity';
import type { RukhaniQazynaContext } from '../context';

/** A published route must be walkable: at least this many stops. */
export const MIN_PUBLISHED_STOPS = 2;

type StopRow = Omit<TourismRouteStopEntity, 'id' | 'routeId' | 'position'>;

export interface TypeCount {
  type: TourismRouteType;
  routes: number;
}

export interface RouteIndicators {
  routes: number;
  byType: TypeCount[];
  localRoutesWithMonuments: number;
  byRegion: { region: TerritoryNode; routes: number; byType: TypeCount[]; localRoutesWithMonuments: number }[];
}

function operators(list: TourOperatorContactInput[], field: string): TourOperatorContactValue[] {
  return list.map((o, index) => {
    const contact = { name: o.name.trim(), phone: o.phone?.trim() || null, email: o.email?.trim() || null, website: o.website?.trim() || null };
    if (!contact.phone && !contact.email && !contact.website) throw badUserInput(`${field}.${index}`, 'Give the operator\'s phone, email or website');
    return contact;
  });
}

function countByType(rows: { type: TourismRouteType }[]): TypeCount[] {
  return Object.values(TourismRouteType).map((type) => ({ type, routes: rows.filter((r) => r.type === type).length }));
}

export class TourismRouteService {
  constructor(private readonly ctx: RukhaniQazynaContext) {}

  private get repository() {
    return this.ctx.db.getRepository(TourismRouteEntity);
  }

  /** Drafts are visible only to those who may edit them (also through entity references). */
  canSee(route: TourismRouteEntity): boolean {
    return route.status === TourismRouteStatus.PUBLISHED || managesTerritory(this.ctx.viewer, route.territoryCode);
  }

  async byId(id: string): Promise<TourismRouteEntity | null> {
    if (!isUUID(id)) return null;
    const route = await this.ctx.loaders.get(tourismRouteByIdLoader).load(id);
    return route && this.canSee(route) ? route : null;
  }

  stops(route: TourismRouteEntity): Promise<RouteStopView[]> {
    return this.ctx.loaders.get(tourismRouteStopsLoader).load(route.id);
  }

  async list(filter: Partial<TourismRouteFilter> | null | undefined, page: PageRequest): Promise<ConnectionShape<TourismRouteEntity>> {
    return paginate(this.listQuery(filter), page);
  }

  /** One page per territory (with the units below it), in the same statements for any number of territories. */
  async listWithin(codes: string[], filter: Partial<TourismRouteFilter> | null | undefined, page: PageRequest): Promise<ConnectionShape<TourismRouteEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    return paginateTerritories(query, codes, page, { within: (subtree) => `r.stopTerritories && ARRAY(${subtree})` });
  }

  private listQuery(filter: Partial<TourismRouteFilter> | null | undefined) {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const status = filter.status ?? TourismRouteStatus.PUBLISHED;
    const query = this.repository.createQueryBuilder('r').where('r.status = :status', { status });
    if (status === TourismRouteStatus.DRAFT) {
      // The drafts the viewer may edit: all for editors, their territory's for officers, none for others.
      const viewer = this.ctx.viewer;
      if (!isEditor(viewer)) {
        if (viewer?.roles.includes(Role.AKIMAT_OFFICER) && viewer.territory) {
          query.andWhere('r.territoryCode = ANY(:scope)', { scope: kato().subtreeCodes(viewer.territory) });
        } else {
          query.andWhere('false');
        }
      }
    }
    if (filter.territory) {
      query.andWhere('r.stopTerritories && :codes', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.type) query.andWhere('r.type = :type', { type: filter.type });
    if (filter.monumentId) {
      if (!isUUID(filter.monumentId)) throw badUserInput('filter.monumentId', 'Not a monument id');
      query.andWhere('EXISTS (SELECT 1 FROM tourism_route_stop s WHERE s.route_id = r.id AND s.monument_id = :monumentId)', { monumentId: filter.monumentId });
    }
    return query;
  }

  /** Creates a draft with its stops; length and regions are computed in the same transaction. */
  async create(input: CreateTourismRouteInput): Promise<TourismRouteEntity> {
    // Who may create is settled before the input is judged.
    const viewer = requireManagerRole(this.ctx.viewer, 'create tourism routes');
    const editor = isEditor(viewer);
    if (!input.territory && !editor) throw badUserInput('input.territory', 'Give the territory of the akimat keeping the route');
    const territory = input.territory ? kato().require(input.territory, 'input.territory').code : null;
    requireManagesTerritory(viewer, territory, 'create tourism routes');
    if (!hasAnyLanguage(input.name)) throw badUserInput('input.name', 'Give the name in at least one language');
    const tourOperators = operators(input.tourOperators ?? [], 'input.tourOperators');
    const now = new Date();
    const route: TourismRouteEntity = {
      id: newId(),
      ...localizedColumns('name', input.name),
      ...localizedColumns('description', input.description),
      type: input.type,
      status: TourismRouteStatus.DRAFT,
      territoryCode: territory,
      durationHours: input.durationHours ?? null,
      tourOperators,
      lengthKm: 0,
      regions: [],
      stopTerritories: [],
      createdBySubject: viewer.subject,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    return this.ctx.db.transaction(async (manager) => {
      const stops = await this.buildStops(manager, input.stops ?? [], 'input.stops');
      await manager.insert(TourismRouteEntity, route);
      await this.writeStops(manager, route.id, stops);
      return Object.assign(route, await recomputeRoute(manager, route.id));
    });
  }

  async update(id: string, input: UpdateTourismRouteInput): Promise<TourismRouteEntity> {
    return this.editLocked(id, 'edit this route', async (manager, route) => {
      if (input.name && !hasAnyLanguage(patchLocalized(route, 'name', input.name))) {
        throw badUserInput('input.name', 'Give the name in at least one language');
      }
      if (input.description) patchLocalized(route, 'description', input.description);
      if (input.type) route.type = input.type;
      if (input.durationHours !== undefined && input.durationHours !== null) route.durationHours = input.durationHours;
      if (input.tourOperators) route.tourOperators = operators(input.tourOperators, 'input.tourOperators');
      route.updatedAt = new Date();
      await manager.save(TourismRouteEntity, route);
      return route;
    });
  }

  /** Replaces the ordered stops; length and regions follow. */
  async setStops(id: string, stops: TourismRouteStopInput[]): Promise<TourismRouteEntity> {
    return this.editLocked(id, 'change the stops of this route', async (manager, route) => {
      const rows = await this.buildStops(manager, stops, 'stops');
      if (route.status === TourismRouteStatus.PUBLISHED && rows.length < MIN_PUBLISHED_STOPS) {
        throw badUserInput('stops', `A published route keeps at least ${MIN_PUBLISHED_STOPS} stops; unpublish it first`);
      }
      await manager.delete(TourismRouteStopEntity, { routeId: id });
      await this.writeStops(manager, id, rows);
      return Object.assign(route, await recomputeRoute(manager, id));
    });
  }

  /** Puts the existing stops in a new order: stopIds must name each stop exactly once. */
  async reorderStops(id: string, stopIds: string[]): Promise<TourismRouteEntity> {
    return this.editLocked(id, 'change the stops of this route', async (manager, route) => {
      const existing = await manager.find(TourismRouteStopEntity, { where: { routeId: id }, select: { id: true } });
      const known = new Set(existing.map((s) => s.id));
      const unknown = stopIds.find((stopId) => !known.has(stopId));
      if (unknown) throw badUserInput('stopIds', `Stop ${unknown} is not a stop of this route`);
      if (new Set(stopIds).size !== stopIds.length || stopIds.length !== known.size) {
        throw badUserInput('stopIds', `List each of the route's ${known.size} stops exactly once`);
      }
      // The (route, position) constraint is deferred, so positions may pass through duplicates here.
      for (const [index, stopId] of stopIds.entries()) await manager.update(TourismRouteStopEntity, { id: stopId }, { position: index + 1 });
      return Object.assign(route, await recomputeRoute(manager, id));
    });
  }

  publish(id: string): Promise<TourismRouteEntity> {
    return this.editLocked(id, 'publish this route', async (manager, route) => {
      if (route.status !== TourismRouteStatus.DRAFT) throw invalidTransition('TourismRoute', route.status, TourismRouteStatus.PUBLISHED);
      const stops = await manager.count(TourismRouteStopEntity, { where: { routeId: id } });
      if (stops < MIN_PUBLISHED_STOPS) throw badUserInput('id', `A route needs at least ${MIN_PUBLISHED_STOPS} stops to be published`);
      const change = { status: TourismRouteStatus.PUBLISHED, publishedAt: new Date(), updatedAt: new Date() };
      await manager.update(TourismRouteEntity, { id }, change);
      return Object.assign(route, change);
    });
  }

  unpublish(id: string): Promise<TourismRouteEntity> {
    return this.editLocked(id, 'unpublish this route', async (manager, route) => {
      if (route.status !== TourismRouteStatus.PUBLISHED) throw invalidTransition('TourismRoute', route.status, TourismRouteStatus.DRAFT);
      const change = { status: TourismRouteStatus.DRAFT, publishedAt: null, updatedAt: new Date() };
      await manager.update(TourismRouteEntity, { id }, change);
      return Object.assign(route, change);
    });
  }

  /** Published routes per type and per region; a territory narrows to routes with a stop in it. */
  async indicators(territory?: string | null): Promise<RouteIndicators> {
    const scope = territory ? kato().require(territory, 'territory') : null;
    const rows: { type: TourismRouteType; regions: string[]; local_with_monuments: boolean }[] = await this.ctx.db.query(
      `SELECT r.type, r.regions,
              cardinality(r.regions) = 1 AND EXISTS (SELECT 1 FROM tourism_route_stop s WHERE s.route_id = r.id AND s.monument_id IS NOT NULL) AS local_with_monuments
       FROM tourism_route r
       WHERE r.status = $1 AND ($2::text[] IS NULL OR r.stop_territories && $2::text[])`,
      [TourismRouteStatus.PUBLISHED, scope ? kato().subtreeCodes(scope.code) : null],
    );
    const regions = scope ? [kato().region(scope.code)] : kato().regions;
    return {
      routes: rows.length,
      byType: countByType(rows),
      localRoutesWithMonuments: rows.filter((r) => r.local_with_monuments).length,
      byRegion: regions.map((region) => {
        const through = rows.filter((r) => r.regions.includes(region.code));
        return { region, routes: through.length, byType: countByType(through), localRoutesWithMonuments: through.filter((r) => r.local_with_monuments).length };
      }),
    };
  }

  /** Locks the route row, checks the viewer may act on it, then runs the change in the same transaction. */
  private async editLocked<T>(id: string, what: string, change: (manager: EntityManager, route: TourismRouteEntity, viewer: Viewer) => Promise<T>): Promise<T> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(id)) throw notFound('TourismRoute', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const route = await manager.findOne(TourismRouteEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!route) throw notFound('TourismRoute', id, 'id');
      requireManagesTerritory(viewer, route.territoryCode, what);
      return change(manager, route, viewer);
    });
  }

  /** Checks each stop and resolves its monument; the first bad stop is named by its input path. */
  private async buildStops(manager: EntityManager, stops: TourismRouteStopInput[], field: string): Promise<StopRow[]> {
    const ids = stops.flatMap((s, index) => {
      if (!s.monumentId) return [];
      if (!isUUID(s.monumentId)) throw badUserInput(`${field}.${index}.monumentId`, `Monument ${s.monumentId} not found`);
      return [s.monumentId];
    });
    const monuments = new Map((ids.length ? await manager.findBy(MonumentEntity, { id: In(ids) }) : []).map((m) => [m.id, m]));
    return stops.map((stop, index) => {
      const path = `${field}.${index}`;
      const label = hasAnyLanguage(stop.name) ? stop.name! : null;
      const point = { lat: stop.location?.lat ?? null, lon: stop.location?.lon ?? null };
      if (stop.monumentId) {
        const monument = monuments.get(stop.monumentId);
        if (!monument) throw badUserInput(`${path}.monumentId`, `Monument ${stop.monumentId} not found`);
        if (stop.territory) throw badUserInput(`${path}.territory`, 'A monument stop lies in the monument\'s territory; leave territory out');
        if (!stop.location && (monument.lat === null || monument.lon === null)) {
          throw badUserInput(`${path}.location`, 'This monument has no coordinates: give the stop\'s location');
        }
        return { monumentId: monument.id, ...localizedColumns('name', label), ...point, territoryCode: null };
      }
      if (!label) throw badUserInput(`${path}.name`, 'Name the stop, or give a monumentId');
      if (!stop.location) throw badUserInput(`${path}.location`, 'Give the location of a named stop');
      if (!stop.territory) throw badUserInput(`${path}.territory`, 'Give the territory (KATO code) of a named stop');
      const territory = kato().require(stop.territory, `${path}.territory`).code;
      return { monumentId: null, ...localizedColumns('name', label), ...point, territoryCode: territory };
    });
  }

  private async writeStops(manager: EntityManager, routeId: string, rows: StopRow[]): Promise<void> {
    if (!rows.length) return;
    await manager.insert(
      TourismRouteStopEntity,
      rows.map((row, index) => ({ ...row, id: newId(), routeId, position: index + 1 })),
    );
  }
}
