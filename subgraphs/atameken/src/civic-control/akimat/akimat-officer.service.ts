import { badUserInput, conflict, kato, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { requireAdmin } from '../../access/atameken-access';
import { AkimatOfficerEntity } from './akimat-officer.entity';
import type { AkimatOfficerFilter, AssignAkimatOfficerInput } from './akimat-officer.input';
import type { AtamekenContext } from '../../context';

/**
 * The akimat responsible for a place: the most specific territory on the way up
 * to the region that has a registered officer; the region itself when none has.
 */
export function nearestStaffedAkimat(territoryCode: string, staffed: ReadonlySet<string>): string {
  const path = kato().path(territoryCode).map((node) => node.code);
  return [...path].reverse().find((code) => staffed.has(code)) ?? path[0];
}

export async function routeToAkimat(manager: EntityManager, territoryCode: string): Promise<string> {
  const path = kato().path(territoryCode).map((node) => node.code);
  const rows: { territory_code: string }[] = await manager.query(
    `SELECT DISTINCT territory_code FROM akimat_officer WHERE territory_code = ANY($1)`,
    [path],
  );
  return nearestStaffedAkimat(territoryCode, new Set(rows.map((r) => r.territory_code)));
}

export class AkimatOfficerService {
  constructor(private readonly ctx: AtamekenContext) {}

  private requireAdmin(): void {
    requireAdmin(this.ctx.viewer, 'manage akimat officers');
  }

  list(filter: AkimatOfficerFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<AkimatOfficerEntity>> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    this.requireAdmin();
    const query = this.ctx.db.getRepository(AkimatOfficerEntity).createQueryBuilder('o');
    if (filter.territory) {
      query.andWhere('o.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    return paginate(query, page);
  }

  async assign(input: AssignAkimatOfficerInput): Promise<AkimatOfficerEntity> {
    this.requireAdmin();
    const territory = kato().require(input.territory, 'input.territory');
    const officerSubject = input.officerSubject.trim();
    if (!officerSubject) throw badUserInput('input.officerSubject', 'Give the official\'s token subject');
    const repository = this.ctx.db.getRepository(AkimatOfficerEntity);
    const row = repository.create({ id: newId(), officerSubject, territoryCode: territory.code, displayName: input.displayName?.trim() || null });
    const inserted = await repository
      .createQueryBuilder()
      .insert()
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    if (!inserted.raw.length) {
      throw conflict(`This official is already registered for territory ${territory.code}`, { field: 'input.officerSubject' });
    }
    return repository.findOneByOrFail({ id: row.id });
  }

  async remove(id: string): Promise<AkimatOfficerEntity> {
    this.requireAdmin();
    const repository = this.ctx.db.getRepository(AkimatOfficerEntity);
    const row = isUUID(id) ? await repository.findOneBy({ id }) : null;
    if (!row) throw notFound('AkimatOfficer', id, 'id');
    await repository.delete({ id });
    return row;
  }
}
