import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A monument a material describes; the monument belongs to rukhani-qazyna. */
@Entity('local_history_material_monument')
export class LocalHistoryMaterialMonumentEntity {
  @PrimaryColumn('uuid', { name: 'material_id' }) materialId: string;
  @PrimaryColumn('integer') position: number;
  @Column('uuid', { name: 'monument_id' }) monumentId: string;
}
