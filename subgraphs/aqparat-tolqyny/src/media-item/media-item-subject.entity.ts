import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FaceEntity } from '../face/face.entity';
import type { MediaItemEntity } from './media-item.entity';
import { MediaSubjectKind } from './media-item.enums';

/** A record of another subgraph, or a face of this one, that a media item covers, by kind and id. */
@Entity('media_item_subject')
export class MediaItemSubjectEntity {
  @PrimaryColumn('uuid', { name: 'item_id' }) itemId: string;

  @PrimaryColumn('text') kind: MediaSubjectKind;

  @PrimaryColumn('uuid', { name: 'subject_id' }) subjectId: string;

  /** Order the planner gave the subjects in. */
  @Column('integer') position: number;

  /** For FACE subjects, the face row joined in by the subjects loader (not a column). */
  face?: FaceEntity | null;

  /** The item, joined in by the coverage loader (not a column). */
  item?: MediaItemEntity;
}
