import { badUserInput, kato, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, paginateTerritories, type PageRequest, type SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { requireManagerRole, requireManagesTerritory } from '../access/tarbie-bilim-access';
import { requireSchoolYear } from '../indicators/school-year';
import { LocalHistoryClubMembersEntity } from './club-members.entity';
import { LocalHistoryClubEntity } from './club.entity';
import type { CreateLocalHistoryClubInput, LocalHistoryClubFilter, LocalHistoryClubMembersInput, UpdateLocalHistoryClubInput } from './club.input';
import { clubByIdLoader, membersByClubLoader } from './club.loader';

const WHAT = 'manage local history clubs';

function requireText(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, `${field.split('.').pop()} cannot be blank`);
  return trimmed;
}

export class ClubService {
  constructor(private readonly ctx: SubgraphContext) {}

  byId(id: string): Promise<LocalHistoryClubEntity | null> {
    return this.ctx.loaders.get(clubByIdLoader).load(id);
  }

  membersByYear(clubId: string): Promise<LocalHistoryClubMembersEntity[]> {
    return this.ctx.loaders.get(membersByClubLoader).load(clubId);
  }

  async membersIn(clubId: string, schoolYear: number): Promise<number | null> {
    requireSchoolYear(schoolYear);
    return (await this.membersByYear(clubId)).find((m) => m.schoolYear === schoolYear)?.members ?? null;
  }

  async list(filter: LocalHistoryClubFilter | null = {}, page: PageRequest): Promise<ConnectionShape<LocalHistoryClubEntity>> {
    return paginate(this.listQuery(filter), page);
  }

  /** One page per territory (with the units below it), in the same statements for any number of territories. */
  async listWithin(codes: string[], filter: LocalHistoryClubFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<LocalHistoryClubEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    return paginateTerritories(query, codes, page, { within: (subtree) => `c.territoryCode IN (${subtree})` });
  }

  private listQuery(filter: LocalHistoryClubFilter | null | undefined) {
    filter ??= {}; // an explicit null argument from GraphQL
    const query = this.ctx.db.getRepository(LocalHistoryClubEntity).createQueryBuilder('c');
    if (filter.territory) {
      query.andWhere('c.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.activeIn !== undefined && filter.activeIn !== null) {
      query.andWhere('EXISTS (SELECT 1 FROM local_history_club_members cm WHERE cm.club_id = c.id AND cm.school_year = :year AND cm.members > 0)', {
        year: requireSchoolYear(filter.activeIn, 'filter.activeIn'),
      });
    }
    return query;
  }

  async create(input: CreateLocalHistoryClubInput): Promise<LocalHistoryClubEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const territory = kato().require(input.territory, 'input.territory');
    requireManagesTerritory(viewer, territory.code, WHAT);
    const club = this.ctx.db.getRepository(LocalHistoryClubEntity).create({
      id: newId(),
      name: requireText(input.name, 'input.name'),
      school: requireText(input.school, 'input.school'),
      territoryCode: territory.code,
      leader: requireText(input.leader, 'input.leader'),
      foundedYear: input.foundedYear ?? null,
    });
    return this.fresh(await this.ctx.db.getRepository(LocalHistoryClubEntity).save(club));
  }

  async update(id: string, input: UpdateLocalHistoryClubInput): Promise<LocalHistoryClubEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const saved = await this.ctx.db.transaction(async (manager) => {
      const club = await this.lockForWrite(manager, id, 'id');
      requireManagesTerritory(viewer, club.territoryCode, WHAT);
      if (input.territory) {
        const territory = kato().require(input.territory, 'input.territory');
        requireManagesTerritory(viewer, territory.code, WHAT);
        club.territoryCode = territory.code;
      }
      if (input.name !== undefined && input.name !== null) club.name = requireText(input.name, 'input.name');
      if (input.school !== undefined && input.school !== null) club.school = requireText(input.school, 'input.school');
      if (input.leader !== undefined && input.leader !== null) club.leader = requireText(input.leader, 'input.leader');
      if (input.foundedYear !== undefined && input.foundedYear !== null) club.foundedYear = input.foundedYear;
      return manager.save(club);
    });
    return this.fresh(saved);
  }

  /** Records (or replaces) the members of a club in one school year. */
  async setMembers(input: LocalHistoryClubMembersInput): Promise<LocalHistoryClubEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const schoolYear = requireSchoolYear(input.schoolYear, 'input.schoolYear');
    const club = await this.ctx.db.transaction(async (manager) => {
      const locked = await this.lockForWrite(manager, input.club, 'input.club');
      requireManagesTerritory(viewer, locked.territoryCode, WHAT);
      await manager.upsert(LocalHistoryClubMembersEntity, { clubId: locked.id, schoolYear, members: input.members }, ['clubId', 'schoolYear']);
      return locked;
    });
    this.ctx.loaders.get(membersByClubLoader).clear(club.id);
    return this.fresh(club);
  }

  private async lockForWrite(manager: EntityManager, id: string, field: string): Promise<LocalHistoryClubEntity> {
    const club = isUUID(id, 'all')
      ? await manager.getRepository(LocalHistoryClubEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!club) throw notFound('LocalHistoryClub', id, field);
    return club;
  }

  private fresh(club: LocalHistoryClubEntity): LocalHistoryClubEntity {
    this.ctx.loaders.get(clubByIdLoader).clear(club.id).prime(club.id, club);
    return club;
  }
}
