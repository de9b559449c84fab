import { Column, Entity, PrimaryColumn } from 'typeorm';
import { TourismRouteStatus, TourismRouteType } from './tourism-route.enums';

/** A tour operator's business contacts, published with the route. */
export interface TourOperatorContactValue {
  name: string;
  phone: string | null;
  email: string | null;
  website: string | null;
}

/** numeric comes back from pg as a string. */
const decimal = { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

@Entity('tourism_route')
export class TourismRouteEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text', { name: 'name_kk', nullable: true }) nameKk: string | null;
  @Column('text', { name: 'name_ru', nullable: true }) nameRu: string | null;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;
  @Column('text', { name: 'description_kk', nullable: true }) descriptionKk: string | null;
  @Column('text', { name: 'description_ru', nullable: true }) descriptionRu: string | null;
  @Column('text', { name: 'description_en', nullable: true }) descriptionEn: string | null;

  @Column('text') type: TourismRouteType;
  @Column('text') status: TourismRouteStatus;

  /** The akimat's territory that keeps the route; null for a republican (ministry) route. */
  @Column('text', { name: 'territory_code', nullable: true }) territoryCode: string | null;

  @Column('numeric', { name: 'duration_hours', nullable: true, transformer: decimal }) durationHours: number | null;
  @Column('jsonb', { name: 'tour_operators' }) tourOperators: TourOperatorContactValue[];

  /** Derived from the stops (see tourism-route.geometry.ts). */
  @Column('double precision', { name: 'length_km' }) lengthKm: number;
  @Column('text', { array: true }) regions: string[];
  @Column('text', { name: 'stop_territories', array: true }) stopTerritories: string[];

  /** Audit trail; never published. */
  @Column('text', { name: 'created_by_subject' }) createdBySubject: string;

  @Column('timestamptz', { name: 'published_at', nullable: true }) publishedAt: Date | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}
