import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A stop of a route: a monument (optionally with its own point), or a named point. */
@Entity('tourism_route_stop')
export class TourismRouteStopEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'route_id' }) routeId: string;
  /** 1 for the first stop. */
  @Column('integer') position: number;
  @Column('uuid', { name: 'monument_id', nullable: true }) monumentId: string | null;

  @Column('text', { name: 'name_kk', nullable: true }) nameKk: string | null;
  @Column('text', { name: 'name_ru', nullable: true }) nameRu: string | null;
  @Column('text', { name: 'name_en', nullable: true }) nameEn: string | null;

  /** Own point; for a monument stop it overrides the monument's (e.g. the car park). */
  @Column('double precision', { nullable: true }) lat: number | null;
  @Column('double precision', { nullable: true }) lon: number | null;
  /** Named points only; a monument stop lies in the monument's territory. */
  @Column('text', { name: 'territory_code', nullable: true }) territoryCode: string | null;
}
