import { byIdLoader, listByKeyLoader } from '@rz/subgraph-runtime';
import { ProjectBudgetEntity } from './project-budget.entity';
import { ProjectLinkEntity } from './project-link.entity';
import { ProjectMemberEntity } from './project-member.entity';
import { ProjectEntity } from './project.entity';

export const projectByIdLoader = byIdLoader(ProjectEntity);
export const projectBudgetLoader = listByKeyLoader(ProjectBudgetEntity, 'projectId', { order: { source: 'ASC' } });
export const projectMembersLoader = listByKeyLoader(ProjectMemberEntity, 'projectId', { order: { role: 'ASC', id: 'ASC' } });
export const projectLinksLoader = listByKeyLoader(ProjectLinkEntity, 'projectId', { order: { kind: 'ASC', subjectId: 'ASC' } });
