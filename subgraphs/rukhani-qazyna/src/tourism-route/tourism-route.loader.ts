import { distanceKm, localizedOf, type Localized } from '@rz/schema';
import { byIdLoader, type SubgraphContext } from '@rz/subgraph-runtime';
import DataLoader from 'dataloader';
import { In } from 'typeorm';
import type { MonumentEntity } from '../monument/monument.entity';
import { monumentByIdLoader } from '../monument/monument.loader';
import { TourismRouteEntity } from './tourism-route.entity';
import { TourismRouteStopEntity } from './tourism-route-stop.entity';

/** A stop with what it inherits from its monument: the place and territory it is measured by. */
export interface RouteStopView {
  id: string;
  position: number;
  monument: MonumentEntity | null;
  /** The stop's own names (a label for a monument stop). */
  names: Localized;
  point: { lat: number; lon: number } | null;
  territoryCode: string;
  distanceFromPreviousKm: number | null;
}

export const tourismRouteByIdLoader = byIdLoader(TourismRouteEntity);

/** Stops of each route in order, with their monuments (batched through the monument loader). */
export function tourismRouteStopsLoader(ctx: SubgraphContext): DataLoader<string, RouteStopView[]> {
  return new DataLoader(async (routeIds) => {
    const rows = await ctx.db.getRepository(TourismRouteStopEntity).find({ where: { routeId: In([...routeIds]) }, order: { position: 'ASC' } });
    const monumentIds = [...new Set(rows.flatMap((r) => (r.monumentId ? [r.monumentId] : [])))];
    const loaded = await ctx.loaders.get(monumentByIdLoader).loadMany(monumentIds);
    const monuments = new Map(loaded.flatMap((m) => (m && !(m instanceof Error) ? [[m.id, m] as const] : [])));
    const byRoute = new Map<string, RouteStopView[]>();
    for (const row of rows) {
      const monument = row.monumentId ? (monuments.get(row.monumentId) ?? null) : null;
      const lat = row.lat ?? monument?.lat ?? null;
      const lon = row.lon ?? monument?.lon ?? null;
      const stops = byRoute.get(row.routeId) ?? [];
      const point = lat === null || lon === null ? null : { lat, lon };
      const previous = [...stops].reverse().find((s) => s.point)?.point ?? null;
      stops.push({
        id: row.id,
        position: row.position,
        monument,
        names: localizedOf(row, 'name'),
        point,
        territoryCode: row.territoryCode ?? monument!.territoryCode,
        distanceFromPreviousKm: point && previous ? distanceKm(previous, point) : null,
      });
      byRoute.set(row.routeId, stops);
    }
    return routeIds.map((id) => byRoute.get(id) ?? []);
  });
}
