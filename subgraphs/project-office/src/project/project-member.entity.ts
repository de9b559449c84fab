import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectRole } from './project.enums';

/** A person holding a project role: an official or an organiser, named as in the register (no contacts). */
@Entity('project_member')
export class ProjectMemberEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'project_id' }) projectId: string;
  @Column('text') role: ProjectRole;
  @Column('text', { name: 'person_name' }) personName: string;
  /** Organisation or post, e.g. "Akim of Karasai district". */
  @Column('text', { nullable: true }) position: string | null;
}
