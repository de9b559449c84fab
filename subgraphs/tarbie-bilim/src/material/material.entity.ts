import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { Lang } from '@rz/schema';
import { LocalHistoryMaterialKind } from './material.enums';

@Entity('local_history_material')
export class LocalHistoryMaterialEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: LocalHistoryMaterialKind;
  @Column('text') title: string;
  /** Language the material is written or recorded in. */
  @Column('text') language: Lang;
  /** Names as published on the material. */
  @Column('text', { array: true, default: () => `'{}'` }) authors: string[];
  @Column('text', { nullable: true }) description: string | null;
  @Column('text', { name: 'territory_code' }) territoryCode: string;
  /** YYYY-MM-DD. */
  @Column('date', { name: 'published_on', nullable: true }) publishedOn: string | null;
  @Column('text', { nullable: true }) url: string | null;
  /** Key of a file in the document store. */
  @Column('text', { name: 'file_ref', nullable: true }) fileRef: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
