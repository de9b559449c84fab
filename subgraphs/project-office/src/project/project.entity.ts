import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ProjectStatus, type Subprogramme } from './project.enums';

@Entity('project')
export class ProjectEntity {
  @PrimaryColumn('uuid') id: string;

  @Column('text') subprogramme: Subprogramme;

  /** e.g. "Olketanu", "Sanaly azamat", "Atameken". */
  @Column('text', { name: 'base_project' }) baseProject: string;

  @Column('text') title: string;

  @Column('text', { name: 'territory_code' }) territoryCode: string;

  /** Region of the territory: the project office that keeps the project. */
  @Column('text', { name: 'region_code' }) regionCode: string;

  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on' }) endsOn: string;

  @Column('text') goal: string;
  @Column('text', { name: 'measurable_result' }) measurableResult: string;

  @Column('text', { default: ProjectStatus.PLANNED }) status: ProjectStatus;

  @Column('text', { name: 'created_by' }) createdBy: string;
  @Column('timestamptz', { name: 'status_changed_at' }) statusChangedAt: Date;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
