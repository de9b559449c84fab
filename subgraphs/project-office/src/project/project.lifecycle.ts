import { invalidTransition } from '@rz/schema';
import { ProjectStatus } from './project.enums';

/** The only moves a project's status makes; COMPLETED and CANCELLED are final. */
export const PROJECT_TRANSITIONS: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  [ProjectStatus.PLANNED]: [ProjectStatus.ACTIVE, ProjectStatus.CANCELLED],
  [ProjectStatus.ACTIVE]: [ProjectStatus.COMPLETED, ProjectStatus.CANCELLED],
  [ProjectStatus.COMPLETED]: [],
  [ProjectStatus.CANCELLED]: [],
};

export function assertProjectTransition(from: ProjectStatus, to: ProjectStatus): void {
  if (!PROJECT_TRANSITIONS[from].includes(to)) throw invalidTransition('Project', from, to);
}

/** Statuses from which `to` is reached, for a guarded UPDATE. */
export function projectStatusesBefore(to: ProjectStatus): ProjectStatus[] {
  return (Object.keys(PROJECT_TRANSITIONS) as ProjectStatus[]).filter((from) => PROJECT_TRANSITIONS[from].includes(to));
}
