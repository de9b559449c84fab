import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { MonumentCondition, MonumentSignificance, MonumentType } from './monument.enums';

@Entity('monument')
export class MonumentEntity {
  @PrimaryColumn('uuid')
  id: string;

  /** Identifier in the reference data (e.g. KZH001), for idempotent imports. */
  @Column('text', { name: 'source_id', nullable: true })
  sourceId: string | null;

  @Column('text', { name: 'name_kk', nullable: true }) nameKk: string | null;
  @Column('text', { name: 'name_ru', nullable: true }) nameRu: string | null;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('text', { name: 'description_kk', nullable: true }) descriptionKk: string | null;
  @Column('text', { name: 'description_ru', nullable: true }) descriptionRu: string | null;
  @Column('text', { name: 'description_en', nullable: true }) descriptionEn: string | null;

  @Column('text') type: MonumentType;
  @Column('text', { nullable: true }) significance: MonumentSignificance | null;

  @Column('text', { name: 'territory_code' })
  territoryCode: string;

  @Column('double precision', { nullable: true }) lat: number | null;
  @Column('double precision', { nullable: true }) lon: number | null;
  @Column('text', { nullable: true }) period: string | null;

  @Column('text', { nullable: true }) condition: MonumentCondition | null;
  @Column('date', { name: 'condition_assessed_on', nullable: true }) conditionAssessedOn: string | null;

  @Column('boolean', { name: 'on_state_list', default: false }) onStateList: boolean;
  @Column('text', { name: 'unesco_status', nullable: true }) unescoStatus: string | null;
  /** Where the record's facts come from (URLs, documents). */
  @Column('text', { nullable: true }) sources: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
