import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A dated step of an initiative in progress, with the progress reached. */
@Entity('initiative_milestone')
export class InitiativeMilestoneEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'initiative_id' })
  initiativeId: string;

  /** Calendar day it happened, YYYY-MM-DD. */
  @Column('date', { name: 'happened_on' })
  happenedOn: string;

  @Column('text', { name: 'title_kk', nullable: true }) titleKk: string | null;
  @Column('text', { name: 'title_ru', nullable: true }) titleRu: string | null;
  @Column('text', { name: 'title_en', nullable: true }) titleEn: string | null;
  @Column('text', { name: 'description_kk', nullable: true }) descriptionKk: string | null;
  @Column('text', { name: 'description_ru', nullable: true }) descriptionRu: string | null;
  @Column('text', { name: 'description_en', nullable: true }) descriptionEn: string | null;

  @Column('smallint') progress: number;

  /** Who recorded it (the author or an officer); never published. */
  @Column('text', { name: 'author_subject' })
  authorSubject: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
