import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn, type ValueTransformer } from 'typeorm';
import { InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from './initiative.enums';

/** pg returns bigint as a string; estimates stay below 10^12, well inside a double's exact range. */
const bigintAsNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

@Entity('initiative')
export class InitiativeEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text') kind: InitiativeKind;
  @Column('text') direction: InitiativeDirection;
  @Column('text') category: InitiativeCategory;

  @Column('text', { name: 'title_kk', nullable: true }) titleKk: string | null;
  @Column('text', { name: 'title_ru', nullable: true }) titleRu: string | null;
  @Column('text', { name: 'title_en', nullable: true }) titleEn: string | null;
  @Column('text', { name: 'description_kk', nullable: true }) descriptionKk: string | null;
  @Column('text', { name: 'description_ru', nullable: true }) descriptionRu: string | null;
  @Column('text', { name: 'description_en', nullable: true }) descriptionEn: string | null;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('double precision', { nullable: true }) lat: number | null;
  @Column('double precision', { nullable: true }) lon: number | null;

  /** Cost in whole tenge. */
  @Column('bigint', { transformer: bigintAsNumber })
  estimate: number;

  @Column('text') status: InitiativeStatus;

  /** Why it was rejected or withdrawn. */
  @Column('text', { name: 'status_reason', nullable: true })
  statusReason: string | null;

  /** Personal data: only compared with the viewer, never published. */
  @Column('text', { name: 'author_subject' })
  authorSubject: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
