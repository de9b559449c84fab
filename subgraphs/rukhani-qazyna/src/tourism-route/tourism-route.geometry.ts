import { distanceKm, kato } from '@rz/schema';
import type { EntityManager } from 'typeorm';
import { TourismRouteEntity } from './tourism-route.entity';

export interface StopPlace {
  /** Null only if neither the stop nor its monument has coordinates. */
  point: { lat: number; lon: number } | null;
  territoryCode: string;
}

export interface RouteGeometry {
  lengthKm: number;
  /** Region codes in the order the route first enters them. */
  regions: string[];
  stopTerritories: string[];
}

/** Length: great-circle distance between consecutive stops; regions: those of the stops' territories. */
export function routeGeometry(stops: StopPlace[]): RouteGeometry {
  let lengthKm = 0;
  let previous: { lat: number; lon: number } | null = null;
  for (const { point } of stops) {
    if (!point) continue;
    if (previous) lengthKm += distanceKm(previous, point);
    previous = point;
  }
  const territories = [...new Set(stops.map((s) => s.territoryCode))];
  const regions = [...new Set(territories.map((code) => kato().region(code).code))];
  return { lengthKm, regions, stopTerritories: territories };
}

/** Rewrites a route's derived fields from its stops as they are now in this transaction. */
export async function recomputeRoute(manager: EntityManager, routeId: string): Promise<RouteGeometry> {
  const rows: { lat: number | null; lon: number | null; territory_code: string }[] = await manager.query(
    `SELECT coalesce(s.lat, m.lat) AS lat, coalesce(s.lon, m.lon) AS lon, coalesce(s.territory_code, m.territory_code) AS territory_code
     FROM tourism_route_stop s LEFT JOIN monument m ON m.id = s.monument_id
     WHERE s.route_id = $1 ORDER BY s.position`,
    [routeId],
  );
  const geometry = routeGeometry(
    rows.map((r) => ({ point: r.lat === null || r.lon === null ? null : { lat: r.lat, lon: r.lon }, territoryCode: r.territory_code })),
  );
  await manager.update(TourismRouteEntity, { id: routeId }, { ...geometry, updatedAt: new Date() });
  return geometry;
}

/** After a monument moves (place or territory), the routes through it are measured again. */
export async function recomputeRoutesThroughMonument(manager: EntityManager, monumentId: string): Promise<void> {
  const routes: { id: string }[] = await manager.query(
    `SELECT id FROM tourism_route WHERE id IN (SELECT route_id FROM tourism_route_stop WHERE monument_id = $1) ORDER BY id FOR UPDATE`,
    [monumentId],
  );
  for (const { id } of routes) await recomputeRoute(manager, id);
}
