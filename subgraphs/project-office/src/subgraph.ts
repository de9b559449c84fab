import type { SubgraphDefinition } from '@rz/subgraph-runtime';
import { loadConfig, type ProjectOfficeConfig } from './config';
import { buildProjectOfficeSchema } from './schema';

export const projectOffice: SubgraphDefinition<ProjectOfficeConfig> = {
  name: 'project-office',
  loadConfig,
  entities: [],
  migrations: [],
  buildSchema: buildProjectOfficeSchema,
};
