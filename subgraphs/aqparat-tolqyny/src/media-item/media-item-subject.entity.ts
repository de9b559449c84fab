import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A record of another subgraph (or, later, a face) that a media item covers, by kind and id. */
@Entity('media_item_subject')
export class MediaItemSubjectEntity {
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId: string;

  /** A MediaSubjectKind, or FACE once "100 new faces" lands; the database check lists them. */
  @PrimaryColumn('text') kind: string;

  @PrimaryColumn('uuid', { name: 'subject_id' }) subjectId: string;

  /** Order the planner gave the subjects in. */
  @Column('integer') position: number;
}
