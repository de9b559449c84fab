import {
  badUserInput,
  conflict,
  DomainError,
  forbidden,
  hasAnyLanguage,
  invalidTransition,
  kato,
  localizedColumns,
  notFound,
  type ConnectionShape,
} from '@rz/schema';
import { actsIn, newId, paginate, paginateTerritories, requireViewer, Role, type PageRequest, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { oversees, overseenCodes } from '../access/aqparat-tolqyny-access';
import { MediaSubjectKind } from '../media-item/media-item.enums';
import { FaceStatusChangeEntity } from './face-status-change.entity';
import { notifyFaceStatus } from './face-status.notification';
import { FaceSupportEntity } from './face-support.entity';
import { FaceEntity } from './face.entity';
import { FaceStatus } from './face.enums';
import type { ChangeFaceStatusArgs, FaceFilter, FaceShortlistArgs, NominateFaceInput } from './face.input';
import { canMoveFace, FACE_TARGET, FaceActor, faceStepActors, SUPPORT_OPEN, targetActors } from './face.lifecycle';
import { faceByIdLoader, faceMediaMentionsLoader, faceSupportCountLoader, faceSupportedByViewerLoader } from './face.loader';
import type { FaceProgress, FaceRegionProgress, FaceShortlistEntry } from './face.type';
import type { AqparatTolqynyContext } from '../context';

export class FaceService {
  constructor(private readonly ctx: AqparatTolqynyContext) {}

  private get repository() {
    return this.ctx.db.getRepository(FaceEntity);
  }

  byId(id: string): Promise<FaceEntity | null> {
    return this.ctx.loaders.get(faceByIdLoader).load(id);
  }

  /** The face if the viewer may see it: a declined nomination is no longer public (see isVisible). */
  async visibleById(id: string): Promise<FaceEntity | null> {
    const face = await this.byId(id);
    return face && this.isVisible(face) ? face : null;
  }

  /**
   * A declined person has left the project: their name, story and the reason stay with those who
   * handle nominations in the territory (and the ministry, admins), not with the public.
   */
  isVisible(face: FaceEntity): boolean {
    return face.status !== FaceStatus.DECLINED || oversees(this.ctx.viewer, face.territoryCode);
  }

  async list(filter: FaceFilter | null = {}, page: PageRequest): Promise<ConnectionShape<FaceEntity>> {
    const connection = await paginate(this.listQuery(filter), page);
    this.prime(connection.nodes);
    return connection;
  }

  /** One page per territory (with the units below it), in the same statements for any number of territories. */
  async listWithin(codes: string[], filter: FaceFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<FaceEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    const connections = await paginateTerritories(query, codes, page, { within: (subtree) => `f.territoryCode IN (${subtree})` });
    for (const connection of connections) this.prime(connection.nodes);
    return connections;
  }

  private listQuery(filter: FaceFilter | null | undefined) {
    filter ??= {}; // an explicit null argument from GraphQL
    const query = this.repository.createQueryBuilder('f');
    const overseen = overseenCodes(this.ctx.viewer);
    if (overseen) query.andWhere('(f.status <> :declined OR f.territoryCode = ANY(:overseen))', { declined: FaceStatus.DECLINED, overseen });
    if (filter.territory) {
      query.andWhere('f.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.status) query.andWhere('f.status = :status', { status: filter.status });
    if (filter.sphere) query.andWhere('f.sphere = :sphere', { sphere: filter.sphere });
    return query;
  }

  supportCount(face: FaceEntity): Promise<number> {
    return this.ctx.loaders.get(faceSupportCountLoader).load(face.id);
  }

  supportedByViewer(face: FaceEntity): Promise<boolean> {
    return this.ctx.loaders.get(faceSupportedByViewerLoader).load(face.id);
  }

  mediaMentions(face: FaceEntity): Promise<number> {
    return this.ctx.loaders.get(faceMediaMentionsLoader).load(face.id);
  }

  /** The seeds ask for new faces: more than NEW_FACE_MEDIA_LIMIT published items in 12 months is too many. */
  async isAlreadyInMedia(face: FaceEntity): Promise<boolean> {
    return (await this.mediaMentions(face)) > this.ctx.config.NEW_FACE_MEDIA_LIMIT;
  }

  /** Akimat officers and project offices nominate in their scope; NGOs anywhere. */
  async nominate(input: NominateFaceInput): Promise<FaceEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const territory = kato().require(input.territory, 'input.territory');
    const region = kato().region(territory.code).code;
    const allowed =
      actsIn(viewer, territory.code, Role.AKIMAT_OFFICER) || actsIn(viewer, region, Role.PROJECT_OFFICE) || viewer.roles.includes(Role.NGO);
    if (!allowed) throw forbidden(`Your role and scope do not cover territory ${territory.code}`, { territoryCode: territory.code });
    const name = required(input.name, 'input.name');
    const nominatedBy = required(input.nominatedBy, 'input.nominatedBy');
    if (!hasAnyLanguage(input.story)) throw badUserInput('input.story', 'Tell the person\'s story in at least one language');
    const id = newId();
    await this.ctx.db.transaction(async (tx) => {
      await tx.getRepository(FaceEntity).insert({
        id,
        name,
        territoryCode: territory.code,
        regionCode: region,
        sphere: input.sphere,
        ...localizedColumns('story', input.story),
        nominatedBy,
        nominatorSubject: viewer.subject,
        status: FaceStatus.NOMINATED,
        declineReason: null,
        featuredAt: null,
        featuredItemId: null,
      });
      await recordChange(tx, { faceId: id, fromStatus: null, toStatus: FaceStatus.NOMINATED, reason: null, changedBy: viewer.subject });
    });
    return this.fresh(id);
  }

  /** A manual step of the lifecycle; see faceStepActors for who takes which. */
  async changeStatus({ id, to, reason }: ChangeFaceStatusArgs): Promise<FaceEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    await this.ctx.db.transaction(async (tx) => {
      const face = await lockFace(tx, id, 'pessimistic_write');
      const actors = actorsOf(viewer, face);
      if (!actors.length) throw this.outOfScope(face);
      const from = face.status;
      // Selecting is the region's whatever the face's state: refuse an akimat officer before the state is judged.
      if (!targetActors(to).some((actor) => actors.includes(actor))) throw this.notYourStep(face, from, to);
      if (to === FaceStatus.FEATURED) {
        throw new DomainError('INVALID_TRANSITION', 'A face becomes FEATURED only when a media item covering it is published', { field: 'to', from, to });
      }
      if (!canMoveFace(from, to)) throw invalidTransition('Face', from, to);
      if (!faceStepActors(from, to).some((actor) => actors.includes(actor))) throw this.notYourStep(face, from, to);
      const text = reason?.trim() || null;
      if (to === FaceStatus.DECLINED && !text) throw badUserInput('reason', 'Give the reason for declining the nomination');
      await tx.getRepository(FaceEntity).update(
        { id: face.id },
        { status: to, declineReason: to === FaceStatus.DECLINED ? text : null, statusChangedAt: () => 'now()' },
      );
      const changeId = await recordChange(tx, { faceId: face.id, fromStatus: from, toStatus: to, reason: text, changedBy: viewer.subject });
      await notifyFaceStatus(tx, face, to, changeId, this.ctx.lang);
    });
    return this.fresh(id);
  }

  /** One support per signed-in person while the nomination is discussed (NOMINATED or SHORTLISTED). */
  async support(id: string): Promise<FaceEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    await this.ctx.db.transaction(async (tx) => {
      // A share lock: supports may arrive together, a status change waits for them.
      const face = await lockFace(tx, id, 'pessimistic_read');
      assertSupportOpen(face);
      const inserted = await tx
        .createQueryBuilder()
        .insert()
        .into(FaceSupportEntity)
        .values({ faceId: face.id, subject: viewer.subject })
        .orIgnore()
        .returning('face_id')
        .execute();
      if (!(inserted.raw as unknown[]).length) throw conflict('You already support this nomination', { field: 'id' });
    });
    return this.fresh(id);
  }

  async withdrawSupport(id: string): Promise<FaceEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    await this.ctx.db.transaction(async (tx) => {
      const face = await lockFace(tx, id, 'pessimistic_read');
      assertSupportOpen(face);
      const deleted = await tx.getRepository(FaceSupportEntity).delete({ faceId: face.id, subject: viewer.subject });
      if (!deleted.affected) throw notFound('FaceSupport', id, 'id');
    });
    return this.fresh(id);
  }

  /** Nominations of a territory ranked by support; ties go to the earlier nomination. */
  async shortlist({ territory, status, first }: FaceShortlistArgs): Promise<FaceShortlistEntry[]> {
    const codes = kato().subtreeCodes(territory, 'territory');
    const statuses = status ? [status] : [...SUPPORT_OPEN];
    const { entities, raw } = await this.repository
      .createQueryBuilder('f')
      .addSelect((sub) => sub.select('count(*)::int').from(FaceSupportEntity, 's').where('s.face_id = f.id'), 'support_count')
      .where('f.territoryCode = ANY(:codes) AND f.status IN (:...statuses)', { codes, statuses })
      .orderBy('support_count', 'DESC')
      .addOrderBy('f.nominatedAt', 'ASC')
      .addOrderBy('f.id', 'ASC')
      .limit(first)
      .getRawAndEntities<{ f_id: string; support_count: number }>();
    const counts = new Map(raw.map((r) => [r.f_id, r.support_count]));
    this.prime(entities);
    const supportLoader = this.ctx.loaders.get(faceSupportCountLoader);
    return entities.map((face, index) => {
      const supportCount = counts.get(face.id) ?? 0;
      supportLoader.prime(face.id, supportCount);
      return { rank: index + 1, supportCount, face };
    });
  }

  async progress(): Promise<FaceProgress> {
    const rows: { region: string; status: FaceStatus; count: number }[] = await this.repository
      .createQueryBuilder('f')
      .select('f.regionCode', 'region')
      .addSelect('f.status', 'status')
      .addSelect('count(*)::int', 'count')
      .groupBy('f.regionCode')
      .addGroupBy('f.status')
      .getRawMany();
    const count = (region: string, status: FaceStatus) => rows.find((r) => r.region === region && r.status === status)?.count ?? 0;
    const regions: FaceRegionProgress[] = kato().regions.map((region) => {
      const selected = count(region.code, FaceStatus.SELECTED);
      const featured = count(region.code, FaceStatus.FEATURED);
      return {
        region,
        nominated: count(region.code, FaceStatus.NOMINATED),
        shortlisted: count(region.code, FaceStatus.SHORTLISTED),
        selected,
        featured,
        declined: count(region.code, FaceStatus.DECLINED),
        chosen: selected + featured,
      };
    });
    const selected = sum(regions.map((r) => r.selected));
    const featured = sum(regions.map((r) => r.featured));
    return { target: FACE_TARGET, selected, featured, chosen: selected + featured, remaining: Math.max(0, FACE_TARGET - selected - featured), regions };
  }

  /**
   * Called inside the transaction that publishes `itemId`: every SELECTED face the item
   * covers becomes FEATURED with it, or none does if the publication rolls back.
   */
  static async featureCoveredBy(tx: EntityManager, itemId: string, changedBy: string): Promise<string[]> {
    const result = await tx
      .createQueryBuilder()
      .update(FaceEntity)
      .set({ status: FaceStatus.FEATURED, featuredAt: () => 'now()', featuredItemId: itemId, statusChangedAt: () => 'now()' })
      .where('status = :selected', { selected: FaceStatus.SELECTED })
      .andWhere(`id IN (SELECT subject_id FROM media_item_subject WHERE item_id = :itemId AND kind = :face)`, { itemId, face: MediaSubjectKind.FACE })
      .returning('id, name, territory_code AS "territoryCode", nominator_subject AS "nominatorSubject"')
      .execute();
    const faces = result.raw as Pick<FaceEntity, 'id' | 'name' | 'territoryCode' | 'nominatorSubject'>[];
    for (const face of faces) {
      const changeId = await recordChange(tx, { faceId: face.id, fromStatus: FaceStatus.SELECTED, toStatus: FaceStatus.FEATURED, reason: null, changedBy, mediaItemId: itemId });
      await notifyFaceStatus(tx, face, FaceStatus.FEATURED, changeId, null);
    }
    return faces.map((face) => face.id);
  }

  private prime(faces: FaceEntity[]): void {
    const loader = this.ctx.loaders.get(faceByIdLoader);
    for (const face of faces) loader.prime(face.id, face);
  }

  /** Reads the row after a write and refreshes the request's loaders with it. */
  private async fresh(id: string): Promise<FaceEntity> {
    const face = await this.repository.findOneByOrFail({ id: id.toLowerCase() });
    this.ctx.loaders.get(faceByIdLoader).clear(id).prime(id, face);
    this.ctx.loaders.get(faceSupportCountLoader).clear(face.id);
    this.ctx.loaders.get(faceSupportedByViewerLoader).clear(face.id);
    return face;
  }

  private notYourStep(face: FaceEntity, from: FaceStatus, to: FaceStatus): DomainError {
    return forbidden(`Only the project office of region ${face.regionCode} may move a face from ${from} to ${to}`, { from, to });
  }

  private outOfScope(face: FaceEntity): DomainError {
    return forbidden(`Only an akimat officer of territory ${face.territoryCode} or the project office of region ${face.regionCode} may do this`, {
      territoryCode: face.territoryCode,
    });
  }
}

/** The capacities in which the viewer acts on this face (admins have both). */
function actorsOf(viewer: Viewer, face: FaceEntity): FaceActor[] {
  const actors: FaceActor[] = [];
  if (actsIn(viewer, face.territoryCode, Role.AKIMAT_OFFICER)) actors.push(FaceActor.TERRITORY_AKIMAT);
  if (actsIn(viewer, face.regionCode, Role.PROJECT_OFFICE)) actors.push(FaceActor.REGION_PROJECT_OFFICE);
  return actors;
}

async function lockFace(tx: EntityManager, id: string, mode: 'pessimistic_read' | 'pessimistic_write'): Promise<FaceEntity> {
  const face = isUUID(id) ? await tx.findOne(FaceEntity, { where: { id: id.toLowerCase() }, lock: { mode } }) : null;
  if (!face) throw notFound('Face', id, 'id');
  return face;
}

function assertSupportOpen(face: FaceEntity): void {
  if (!SUPPORT_OPEN.includes(face.status)) {
    throw new DomainError('INVALID_TRANSITION', `Face is ${face.status}: support is open only while it is NOMINATED or SHORTLISTED`, {
      field: 'id',
      from: face.status,
    });
  }
}

async function recordChange(tx: EntityManager, change: Omit<FaceStatusChangeEntity, 'id' | 'changedAt' | 'mediaItemId'> & { mediaItemId?: string }): Promise<string> {
  const id = newId();
  await tx.getRepository(FaceStatusChangeEntity).insert({ id, mediaItemId: null, ...change });
  return id;
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, 'Must not be blank');
  return trimmed;
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
