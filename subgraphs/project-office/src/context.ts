import type { SubgraphContext } from '@rz/subgraph-runtime';
import type { ProjectOfficeConfig } from './config';

export type ProjectOfficeContext = SubgraphContext<ProjectOfficeConfig>;
