import { Entity, PrimaryColumn } from 'typeorm';
import type { ProjectLinkKind } from './project.enums';

/** A project covers an entity of another subgraph, by key. */
@Entity('project_link')
export class ProjectLinkEntity {
  @PrimaryColumn('uuid', { name: 'project_id' }) projectId: string;
  @PrimaryColumn('text') kind: ProjectLinkKind;
  @PrimaryColumn('uuid', { name: 'subject_id' }) subjectId: string;
}
