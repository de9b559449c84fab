import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig, type ProjectOfficeConfig } from './config';
import { seedDemo } from './demo/demo.seed';
import { DistrictReportEntity } from './district-report/district-report.entity';
import { CreateProject20261204120000 } from './migrations/20261204120000-create-project';
import { CreateDistrictReport20261204130000 } from './migrations/20261204130000-create-district-report';
import { CreateNotificationOutbox20261204190000 } from './migrations/20261204190000-create-notification-outbox';
import { DistrictReportSubmittedBy20261204190100 } from './migrations/20261204190100-district-report-submitted-by';
import { ProjectBudgetEntity } from './project/project-budget.entity';
import { ProjectLinkEntity } from './project/project-link.entity';
import { ProjectMemberEntity } from './project/project-member.entity';
import { ProjectEntity } from './project/project.entity';
import { buildProjectOfficeSchema } from './schema';

export const projectOffice: SubgraphDefinition<ProjectOfficeConfig> = {
  name: 'project-office',
  loadConfig,
  entities: [ProjectEntity, ProjectBudgetEntity, ProjectMemberEntity, ProjectLinkEntity, DistrictReportEntity],
  migrations: [CreateProject20261204120000, CreateDistrictReport20261204130000, CreateNotificationOutbox20261204190000, DistrictReportSubmittedBy20261204190100],
  buildSchema: buildProjectOfficeSchema,
  seedDemo,
  producesNotifications: true,
};
