import { registerEnumType } from 'type-graphql';

/** The four subprogrammes, by the subgraph that runs each (values are subgraph names). */
export enum Subprogramme {
  TARBIE_BILIM = 'tarbie-bilim',
  ATAMEKEN = 'atameken',
  RUKHANI_QAZYNA = 'rukhani-qazyna',
  AQPARAT_TOLQYNY = 'aqparat-tolqyny',
}

export enum ProjectStatus {
  PLANNED = 'PLANNED',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

/** Project roles of seed 001. */
export enum ProjectRole {
  CURATOR = 'CURATOR',
  HEAD = 'HEAD',
  CHIEF_MANAGER = 'CHIEF_MANAGER',
  ADMINISTRATOR = 'ADMINISTRATOR',
  MANAGER = 'MANAGER',
  PROJECT_MANAGER = 'PROJECT_MANAGER',
  EXPERT = 'EXPERT',
  TASK_EXECUTOR = 'TASK_EXECUTOR',
}

export enum BudgetSource {
  REPUBLICAN = 'REPUBLICAN',
  LOCAL = 'LOCAL',
  SPONSOR = 'SPONSOR',
  OTHER = 'OTHER',
}

/** What a project links to: entities of the four subprogrammes. */
export enum ProjectLinkKind {
  EVENT = 'EVENT',
  INITIATIVE = 'INITIATIVE',
  MONUMENT = 'MONUMENT',
  MEDIA_PLAN = 'MEDIA_PLAN',
  FACE = 'FACE',
}

registerEnumType(Subprogramme, { name: 'Subprogramme', description: 'The four subprogrammes of Rukhani Zhangyru' });
registerEnumType(ProjectStatus, {
  name: 'ProjectStatus',
  description: 'PLANNED -> ACTIVE -> COMPLETED; PLANNED or ACTIVE -> CANCELLED',
});
registerEnumType(ProjectRole, { name: 'ProjectRole', description: 'Roles people hold on a project (programme management rules)' });
registerEnumType(BudgetSource, { name: 'BudgetSource', description: 'Where a project\'s money comes from' });
registerEnumType(ProjectLinkKind, { name: 'ProjectLinkKind' });
