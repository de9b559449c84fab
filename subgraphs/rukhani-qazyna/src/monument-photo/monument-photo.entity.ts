import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('monument_photo')
export class MonumentPhotoEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'monument_id' }) monumentId: string;
  @Column('text') url: string;
  @Column('text', { name: 'caption_kk', nullable: true }) captionKk: string | null;
  @Column('text', { name: 'caption_ru', nullable: true }) captionRu: string | null;
  @Column('text', { name: 'caption_en', nullable: true }) captionEn: string | null;
  /** Attribution published with the photo (an organisation, or an author as credited). */
  @Column('text') credit: string;
  @Column('text', { nullable: true }) licence: string | null;
  @Column('date', { name: 'taken_on', nullable: true }) takenOn: string | null;
  /** Audit trail; never published. */
  @Column('text', { name: 'added_by_subject' }) addedBySubject: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
}
