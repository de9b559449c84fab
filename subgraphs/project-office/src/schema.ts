import { buildFederatedSchema, TerritoryResolver, territoryReferenceResolver } from '@rz/schema';
import { authChecker, validateInput } from '@rz/subgraph-runtime';
import type { GraphQLSchema } from 'graphql';
import {
  EventProjectsResolver,
  FaceProjectsResolver,
  InitiativeProjectsResolver,
  MediaPlanProjectsResolver,
  MonumentProjectsResolver,
} from './project/project-links.resolver';
import { DistrictReportResolver } from './district-report/district-report.resolver';
import { ProgrammeReportResolver } from './programme-report/programme-report.resolver';
import { projectReferenceResolvers } from './project/project.reference';
import { ProjectResolver } from './project/project.resolver';

export function buildProjectOfficeSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        TerritoryResolver,
        ProjectResolver,
        DistrictReportResolver,
        ProgrammeReportResolver,
        EventProjectsResolver,
        InitiativeProjectsResolver,
        MonumentProjectsResolver,
        MediaPlanProjectsResolver,
        FaceProjectsResolver,
      ],
      authChecker,
      validateFn: validateInput,
    },
    [territoryReferenceResolver, projectReferenceResolvers],
  );
}
