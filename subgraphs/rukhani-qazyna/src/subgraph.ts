import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig, type RukhaniQazynaConfig } from './config';
import { seedRukhaniQazyna } from './demo/demo.seed';
import { CreateMonument20261122000000 } from './migrations/20261122000000-create-monument';
import { MonumentConditionAssessment20261122020000 } from './migrations/20261122020000-monument-condition-assessment';
import { MonumentSearch20261122020100 } from './migrations/20261122020100-monument-search';
import { CreateQrCode20261122020200 } from './migrations/20261122020200-create-qr-code';
import { CreateTourismRoute20261122020300 } from './migrations/20261122020300-create-tourism-route';
import { CreateMonumentPhoto20261122020400 } from './migrations/20261122020400-create-monument-photo';
import { MonumentSimilaritySearch20261204000100 } from './migrations/20261204000100-monument-similarity-search';
import { MonumentConditionAssessmentEntity } from './monument-condition/monument-condition.entity';
import { MonumentPhotoEntity } from './monument-photo/monument-photo.entity';
import { MonumentEntity } from './monument/monument.entity';
import { QrCodeEntity } from './qr-code/qr-code.entity';
import { mountQrRoutes } from './qr-code/qr-code.routes';
import { QrScanEntity } from './qr-code/qr-scan.entity';
import { MONUMENT_PAGE_ROUTE, mountMonumentPages } from './monument-page/monument-page.routes';
import { buildRukhaniQazynaSchema } from './schema';
import { TourismRouteEntity } from './tourism-route/tourism-route.entity';
import { TourismRouteStopEntity } from './tourism-route/tourism-route-stop.entity';

export const rukhaniQazyna: SubgraphDefinition<RukhaniQazynaConfig> = {
  name: 'rukhani-qazyna',
  entities: [MonumentEntity, MonumentConditionAssessmentEntity, MonumentPhotoEntity, QrCodeEntity, QrScanEntity, TourismRouteEntity, TourismRouteStopEntity],
  migrations: [
    CreateMonument20261122000000,
    MonumentConditionAssessment20261122020000,
    MonumentSearch20261122020100,
    CreateQrCode20261122020200,
    CreateTourismRoute20261122020300,
    CreateMonumentPhoto20261122020400,
    MonumentSimilaritySearch20261204000100,
  ],
  loadConfig,
  buildSchema: buildRukhaniQazynaSchema,
  seedDemo: seedRukhaniQazyna,
  routes: (app, { db, logger, config }) => {
    mountQrRoutes(app, { db, logger, publicBaseUrl: config.PUBLIC_BASE_URL });
    mountMonumentPages(app, { db, logger, publicBaseUrl: config.PUBLIC_BASE_URL });
  },
  routeLabels: ['/q', MONUMENT_PAGE_ROUTE],
};
