import { type Logger } from '@rz/service-kit';
import { stableId } from '@rz/subgraph-runtime';
import type { DataSource } from 'typeorm';
import { MonumentEntity } from '../monument/monument.entity';
import { TourismRouteEntity } from '../tourism-route/tourism-route.entity';
import { TourismRouteStatus, TourismRouteType } from '../tourism-route/tourism-route.enums';
import { recomputeRoute } from '../tourism-route/tourism-route.geometry';
import { TourismRouteStopEntity } from '../tourism-route/tourism-route-stop.entity';
import { monumentDemoId } from './monuments.seed';

/** Stops are reference monuments with sourced coordinates; no tour operator is invented. */
export const DEMO_ROUTES = [
  {
    key: 'turkistan-sacred-sites',
    names: { kk: 'Түркістан өңірінің киелі орындары', ru: 'Святыни Туркестанского региона', en: 'Sacred sites of the Turkistan Region' },
    description: {
      en: 'Demonstration route through reference monuments of the Turkistan Region: Sauran, the Mausoleum of Khoja Ahmed Yasawi, the Mausoleum of Arystan Bab and the Otrar settlement.',
    },
    type: TourismRouteType.AUTO,
    territory: '610000000',
    stops: ['KZH067', 'KZH001', 'KZH028', 'KZH030'],
  },
] as const;

export const demoRouteId = (key: string) => stableId(`tourism-route:${key}`);

/** Adds the demo routes not yet present, each with its stops and computed length, in one transaction. */
export async function seedDemoRoutes(db: DataSource, logger: Logger): Promise<void> {
  let added = 0;
  for (const demo of DEMO_ROUTES) {
    const id = demoRouteId(demo.key);
    const monumentIds = demo.stops.map(monumentDemoId);
    await db.transaction(async (manager) => {
      if (await manager.existsBy(TourismRouteEntity, { id })) return;
      // The reference import skips rows it cannot map; a route needs all its stops.
      if ((await manager.countBy(MonumentEntity, monumentIds.map((monumentId) => ({ id: monumentId })))) !== monumentIds.length) return;
      const at = new Date(Date.UTC(2026, 0, 1));
      await manager.insert(TourismRouteEntity, {
        id,
        nameKk: demo.names.kk,
        nameRu: demo.names.ru,
        nameEn: demo.names.en,
        descriptionKk: null,
        descriptionRu: null,
        descriptionEn: demo.description.en,
        type: demo.type,
        status: TourismRouteStatus.PUBLISHED,
        territoryCode: demo.territory,
        durationHours: null,
        tourOperators: [],
        lengthKm: 0,
        regions: [],
        stopTerritories: [],
        createdBySubject: 'demo-seed',
        publishedAt: at,
        createdAt: at,
        updatedAt: at,
      });
      await manager.insert(
        TourismRouteStopEntity,
        monumentIds.map((monumentId, index) => ({
          id: stableId(`tourism-route-stop:${demo.key}:${index}`),
          routeId: id,
          position: index + 1,
          monumentId,
          nameKk: null,
          nameRu: null,
          nameEn: null,
          lat: null,
          lon: null,
          territoryCode: null,
        })),
      );
      await recomputeRoute(manager, id);
      added++;
    });
  }
  logger.info({ added }, 'demo tourism routes');
}
