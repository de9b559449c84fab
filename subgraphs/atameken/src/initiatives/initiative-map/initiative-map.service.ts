import { badUserInput, decodeCursor, encodeCursor, kato, pickLocalized, type Lang } from '@rz/schema';
import { isUUID } from 'class-validator';
import type { InitiativeCategory, InitiativeDirection, InitiativeKind, InitiativeStatus } from '../initiative/initiative.enums';
import type { InitiativeMapArgs } from './initiative-map.input';
import type { AtamekenContext } from '../../context';

export interface InitiativeMapRow {
  id: string;
  lat: number;
  lon: number;
  status: InitiativeStatus;
  kind: InitiativeKind;
  direction: InitiativeDirection;
  category: InitiativeCategory;
  title_kk: string | null;
  title_ru: string | null;
  title_en: string | null;
}

export interface InitiativeMapResult {
  points: InitiativeMapRow[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function mapPointTitle(row: InitiativeMapRow, lang: Lang): string {
  return pickLocalized({ kk: row.title_kk, ru: row.title_ru, en: row.title_en }, lang)!;
}

/**
 * Map points straight from SQL: only located initiatives, only the columns a marker
 * needs, keyset-paged by id so thousands of points come in a few large pages.
 */
export class InitiativeMapService {
  constructor(private readonly ctx: AtamekenContext) {}

  async points({ filter, first, after }: InitiativeMapArgs): Promise<InitiativeMapResult> {
    const where = ['lat IS NOT NULL'];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter?.within) {
      const { south, west, north, east } = filter.within;
      if (south > north) throw badUserInput('filter.within.north', 'north must not be below south');
      if (west > east) throw badUserInput('filter.within.east', 'east must not be west of west (the map never crosses 180 degrees over Kazakhstan)');
      where.push(`lat BETWEEN ${param(south)} AND ${param(north)} AND lon BETWEEN ${param(west)} AND ${param(east)}`);
    }
    if (filter?.territory) where.push(`territory_code = ANY(${param(kato().subtreeCodes(filter.territory, 'filter.territory'))})`);
    if (filter?.kinds?.length) where.push(`kind = ANY(${param(filter.kinds)})`);
    if (filter?.directions?.length) where.push(`direction = ANY(${param(filter.directions)})`);
    if (filter?.category) where.push(`category = ${param(filter.category)}`);
    if (filter?.statuses?.length) where.push(`status = ANY(${param(filter.statuses)})`);

    const condition = where.join(' AND ');
    const [{ n }] = await this.ctx.db.query(`SELECT count(*)::int AS n FROM initiative WHERE ${condition}`, params);
    const pageWhere = [condition];
    if (after) {
      const [lastId] = decodeCursor(after);
      if (typeof lastId !== 'string' || !isUUID(lastId)) throw badUserInput('after', 'Malformed cursor: pass the endCursor of a previous page');
      pageWhere.push(`id < ${param(lastId)}`);
    }
    const rows: InitiativeMapRow[] = await this.ctx.db.query(
      `SELECT id, lat, lon, status, kind, direction, category, title_kk, title_ru, title_en
       FROM initiative WHERE ${pageWhere.join(' AND ')} ORDER BY id DESC LIMIT ${param(first + 1)}`,
      params,
    );
    const points = rows.slice(0, first);
    return {
      points,
      totalCount: n,
      pageInfo: { hasNextPage: rows.length > first, endCursor: points.length ? encodeCursor([points.at(-1)!.id]) : null },
    };
  }
}
