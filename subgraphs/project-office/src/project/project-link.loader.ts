import type { LoaderFactory } from '@rz/subgraph-runtime';
import { groupBy } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import DataLoader from 'dataloader';
import { ProjectLinkEntity } from './project-link.entity';
import { ProjectEntity } from './project.entity';
import { ProjectLinkKind } from './project.enums';

type ProjectsBySubject = DataLoader<string, ProjectEntity[]>;

function projectsOf(kind: ProjectLinkKind): LoaderFactory<ProjectsBySubject> {
  return ({ db }) =>
    new DataLoader(async (subjectIds) => {
      // Keys come from other subgraphs' representations: a malformed one must not fail the batch.
      const valid = [...new Set(subjectIds.filter((id) => isUUID(id)).map((id) => id.toLowerCase()))];
      const rows = valid.length
        ? await db
            .getRepository(ProjectLinkEntity)
            .createQueryBuilder('l')
            .innerJoinAndMapOne('l.project', ProjectEntity, 'p', 'p.id = l.projectId')
            .where('l.kind = :kind AND l.subjectId IN (:...valid)', { kind, valid })
            .orderBy('p.id', 'DESC')
            .getMany()
        : [];
      const bySubject = groupBy(rows as (ProjectLinkEntity & { project: ProjectEntity })[], (row) => row.subjectId);
      return subjectIds.map((id) => (bySubject.get(id.toLowerCase()) ?? []).map((row) => row.project));
    });
}

/** Projects covering each entity of one kind, newest first: one factory per kind, one query per request tick. */
export const projectsBySubjectLoader: Readonly<Record<ProjectLinkKind, LoaderFactory<ProjectsBySubject>>> = {
  [ProjectLinkKind.EVENT]: projectsOf(ProjectLinkKind.EVENT),
  [ProjectLinkKind.INITIATIVE]: projectsOf(ProjectLinkKind.INITIATIVE),
  [ProjectLinkKind.MONUMENT]: projectsOf(ProjectLinkKind.MONUMENT),
  [ProjectLinkKind.MEDIA_PLAN]: projectsOf(ProjectLinkKind.MEDIA_PLAN),
  [ProjectLinkKind.FACE]: projectsOf(ProjectLinkKind.FACE),
};
