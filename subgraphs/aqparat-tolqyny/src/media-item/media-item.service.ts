import { badUserInput, DomainError, forbidden, invalidTransition, kato, notFound, todayInKazakhstan } from '@rz/schema';
import { actsIn, newId, requireViewer, Role, type Viewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { In, type EntityManager } from 'typeorm';
import { mediaItemByIdLoader, publishedItemsBySubjectLoader } from '../media-coverage/media-coverage.loader';
import { FaceEntity } from '../face/face.entity';
import { FaceStatus } from '../face/face.enums';
import { faceByIdLoader, faceMediaMentionsLoader } from '../face/face.loader';
import { FaceService } from '../face/face.service';
import { mediaPlanExecutionLoader } from '../execution/media-plan-execution.loader';
import { MediaPlanEntity } from '../media-plan/media-plan.entity';
import { MediaPlanStatus } from '../media-plan/media-plan.enums';
import { periodBounds } from '../media-plan/media-plan.period';
import { assertEditable, MediaPlanService } from '../media-plan/media-plan.service';
import { MediaItemSubjectEntity } from './media-item-subject.entity';
import { MediaItemEntity } from './media-item.entity';
import { MediaItemStatus, MediaSubjectKind } from './media-item.enums';
import { MAX_CANCELLATION_REASON, type AddMediaPlanItemInput, type MediaSubjectInput, type PublishMediaItemInput } from './media-item.input';
import { mediaItemsByPlanIdLoader, mediaSubjectsByItemIdLoader } from './media-item.loader';
import { MediaSubjectReferences } from './media-subject.references';
import type { MediaSubjectValue } from './media-subject.type';
import type { AqparatTolqynyContext } from '../context';

export class MediaItemService {
  constructor(private readonly ctx: AqparatTolqynyContext) {}

  forPlan(planId: string): Promise<MediaItemEntity[]> {
    return this.ctx.loaders.get(mediaItemsByPlanIdLoader).load(planId);
  }

  async subjects(itemId: string): Promise<MediaSubjectValue[]> {
    const rows = await this.ctx.loaders.get(mediaSubjectsByItemIdLoader).load(itemId);
    const faces = new FaceService(this.ctx);
    return rows.flatMap((r): MediaSubjectValue[] => {
      if (r.kind !== MediaSubjectKind.FACE) return [{ kind: r.kind, id: r.subjectId }];
      // Faces are rows of this subgraph: the union member carries the whole row. A face declined
      // after the item was planned is left out for those who may not see it.
      return r.face && faces.isVisible(r.face) ? [r.face] : [];
    });
  }

  /** Published on or before the planned day; null until published. */
  publishedOnTime(item: MediaItemEntity): boolean | null {
    return item.status === MediaItemStatus.PUBLISHED ? item.publishedOn! <= item.plannedDate : null;
  }

  async add(planId: string, input: AddMediaPlanItemInput): Promise<MediaItemEntity> {
    const { plan, viewer } = await new MediaPlanService(this.ctx).requireEditable(planId, 'planId');
    const { fields, subjects } = await this.prepare(plan, input);
    const item = await this.ctx.db.transaction(async (tx) => {
      // Holds off a concurrent submit until the item is in, and sees one that came first.
      const locked = await tx.getRepository(MediaPlanEntity).findOneOrFail({ where: { id: plan.id }, lock: { mode: 'pessimistic_read' } });
      assertEditable(locked, 'planId');
      await requireCoverableFaces(tx, input.subjects);
      const row = tx.getRepository(MediaItemEntity).create({ id: newId(), planId: plan.id, ...fields, status: MediaItemStatus.PLANNED, createdBy: viewer.subject });
      await tx.getRepository(MediaItemEntity).insert(row);
      await insertSubjects(tx, row.id, subjects);
      return tx.getRepository(MediaItemEntity).findOneByOrFail({ id: row.id });
    });
    this.afterPlanChange(plan.id, item.id);
    return item;
  }

  /** Replaces an item's fields and subjects while its plan is DRAFT or RETURNED; same people as adding. */
  async update(id: string, input: AddMediaPlanItemInput): Promise<MediaItemEntity> {
    const { plan } = await this.requireEditableItem(id);
    const { fields, subjects } = await this.prepare(plan, input);
    const item = await this.ctx.db.transaction(async (tx) => {
      await this.lockEditable(tx, id, plan.id);
      await requireCoverableFaces(tx, input.subjects);
      await tx.getRepository(MediaItemEntity).update({ id: id.toLowerCase() }, fields);
      await tx.getRepository(MediaItemSubjectEntity).delete({ itemId: id.toLowerCase() });
      await insertSubjects(tx, id.toLowerCase(), subjects);
      return tx.getRepository(MediaItemEntity).findOneByOrFail({ id: id.toLowerCase() });
    });
    this.afterPlanChange(plan.id, item.id);
    return item;
  }

  /** Removes an item while its plan is DRAFT or RETURNED; returns the plan. */
  async remove(id: string): Promise<MediaPlanEntity> {
    const { plan } = await this.requireEditableItem(id);
    await this.ctx.db.transaction(async (tx) => {
      await this.lockEditable(tx, id, plan.id);
      await tx.getRepository(MediaItemEntity).delete({ id: id.toLowerCase() });
    });
    this.afterPlanChange(plan.id, id.toLowerCase());
    return plan;
  }

  /** The item's plan, if the viewer may edit it now (an akimat officer of its territory, plan DRAFT or RETURNED). */
  private async requireEditableItem(id: string): Promise<{ item: MediaItemEntity; plan: MediaPlanEntity }> {
    const item = isUUID(id) ? await this.ctx.loaders.get(mediaItemByIdLoader).load(id.toLowerCase()) : null;
    if (!item) throw notFound('MediaPlanItem', id, 'id');
    const { plan } = await new MediaPlanService(this.ctx).requireEditable(item.planId, 'id');
    return { item, plan };
  }

  /** Locks the plan against a concurrent submit and the item against a concurrent edit; both must still be there and editable. */
  private async lockEditable(tx: EntityManager, id: string, planId: string): Promise<void> {
    const locked = await tx.getRepository(MediaPlanEntity).findOneOrFail({ where: { id: planId }, lock: { mode: 'pessimistic_read' } });
    assertEditable(locked, 'id');
    const item = await tx.findOne(MediaItemEntity, { where: { id: id.toLowerCase(), planId }, lock: { mode: 'pessimistic_write' } });
    if (!item) throw notFound('MediaPlanItem', id, 'id');
  }

  /** The item's columns from the input, checked against the plan, and its subjects without repeats, each checked to exist. */
  private async prepare(plan: MediaPlanEntity, input: AddMediaPlanItemInput) {
    const { from, to } = periodBounds(plan.year, plan.quarter);
    if (input.plannedDate < from || input.plannedDate > to) {
      throw badUserInput('input.plannedDate', `The planned date must fall inside the plan's period, ${from} to ${to}`, { from, to });
    }
    const fields = {
      channel: input.channel,
      outlet: required(input.outlet, 'input.outlet'),
      level: input.level,
      format: required(input.format, 'input.format'),
      rubric: input.rubric?.trim() || null,
      plannedDate: input.plannedDate,
      language: input.language,
    };
    await new MediaSubjectReferences(this.ctx.config).requireExisting(input.subjects, 'input.subjects');
    // The same subject named twice is one subject.
    const subjects = [...new Map(input.subjects.map((s) => [`${s.kind}:${s.id.toLowerCase()}`, s])).values()];
    return { fields, subjects };
  }

  /** Drops what this request's loaders knew about a plan whose items changed. */
  private afterPlanChange(planId: string, itemId: string): void {
    const { loaders } = this.ctx;
    loaders.get(mediaItemsByPlanIdLoader).clear(planId);
    loaders.get(mediaSubjectsByItemIdLoader).clear(itemId);
    loaders.get(mediaItemByIdLoader).clear(itemId);
    loaders.get(mediaPlanExecutionLoader).clear(planId);
  }

  /**
   * PLANNED -> PUBLISHED on an approved plan. In the same transaction every SELECTED face
   * the item covers becomes FEATURED; a refused publication changes neither.
   */
  async publish(id: string, input: PublishMediaItemInput): Promise<MediaItemEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const { item, featured } = await this.ctx.db.transaction(async (tx) => {
      const { item, plan } = await this.lockForClosing(tx, viewer, id, MediaItemStatus.PUBLISHED);
      const { from } = periodBounds(plan.year, plan.quarter);
      const today = todayInKazakhstan();
      if (input.publishedOn > today) throw badUserInput('input.publishedOn', `The publication date must not be in the future (today is ${today})`, { today });
      if (input.publishedOn < from) {
        throw badUserInput('input.publishedOn', `The publication date must not be before the plan's period, which starts ${from}`, { from });
      }
      await tx.getRepository(MediaItemEntity).update(
        { id: item.id },
        { status: MediaItemStatus.PUBLISHED, link: input.link, publishedOn: input.publishedOn, reach: input.reach, closedAt: () => 'now()', closedBy: viewer.subject },
      );
      const featured = await FaceService.featureCoveredBy(tx, item.id, viewer.subject);
      return { item: await tx.getRepository(MediaItemEntity).findOneByOrFail({ id: item.id }), featured };
    });
    this.afterClosing(item, featured);
    return item;
  }

  /** PLANNED -> CANCELLED on an approved plan, with an optional reason. */
  async cancel(id: string, reason: string | null | undefined): Promise<MediaItemEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const text = reason?.trim() || null;
    const item = await this.ctx.db.transaction(async (tx) => {
      const { item } = await this.lockForClosing(tx, viewer, id, MediaItemStatus.CANCELLED);
      if (text && text.length > MAX_CANCELLATION_REASON) throw badUserInput('reason', `The reason is limited to ${MAX_CANCELLATION_REASON} characters`);
      await tx.getRepository(MediaItemEntity).update(
        { id: item.id },
        { status: MediaItemStatus.CANCELLED, cancellationReason: text, closedAt: () => 'now()', closedBy: viewer.subject },
      );
      return tx.getRepository(MediaItemEntity).findOneByOrFail({ id: item.id });
    });
    this.afterClosing(item, []);
    return item;
  }

  /**
   * The item, locked, if the viewer executes its plan (an akimat officer of the plan's territory
   * or the project office of its region), the plan is APPROVED and the item still PLANNED.
   */
  private async lockForClosing(
    tx: EntityManager,
    viewer: Viewer,
    id: string,
    to: MediaItemStatus,
  ): Promise<{ item: MediaItemEntity; plan: MediaPlanEntity }> {
    const item = isUUID(id) ? await tx.findOne(MediaItemEntity, { where: { id: id.toLowerCase() }, lock: { mode: 'pessimistic_write' } }) : null;
    if (!item) throw notFound('MediaPlanItem', id, 'id');
    // A share lock: the plan cannot change status while its item closes.
    const plan = await tx.findOneOrFail(MediaPlanEntity, { where: { id: item.planId }, lock: { mode: 'pessimistic_read' } });
    const region = kato().region(plan.territoryCode).code;
    if (!actsIn(viewer, plan.territoryCode, Role.AKIMAT_OFFICER) && !actsIn(viewer, region, Role.PROJECT_OFFICE)) {
      throw forbidden(`Only an akimat officer of territory ${plan.territoryCode} or the project office of region ${region} may do this`, {
        territoryCode: plan.territoryCode,
      });
    }
    if (item.status !== MediaItemStatus.PLANNED) throw invalidTransition('MediaPlanItem', item.status, to);
    if (plan.status !== MediaPlanStatus.APPROVED) {
      throw new DomainError('INVALID_TRANSITION', `MediaPlan is ${plan.status}: items are published or cancelled only once the plan is APPROVED`, {
        field: 'id',
        from: item.status,
        to,
        planStatus: plan.status,
      });
    }
    return { item, plan };
  }

  /** Drops what this request's loaders knew about the item, its plan and the faces it featured. */
  private afterClosing(item: MediaItemEntity, featuredFaces: string[]): void {
    const { loaders } = this.ctx;
    loaders.get(mediaItemsByPlanIdLoader).clear(item.planId);
    loaders.get(mediaSubjectsByItemIdLoader).clear(item.id);
    loaders.get(mediaPlanExecutionLoader).clear(item.planId);
    loaders.get(mediaItemByIdLoader).clear(item.id).prime(item.id, item);
    for (const factory of Object.values(publishedItemsBySubjectLoader)) loaders.get(factory).clearAll();
    loaders.get(faceMediaMentionsLoader).clearAll();
    for (const faceId of featuredFaces) loaders.get(faceByIdLoader).clear(faceId);
  }
}

/** Faces an item names must exist and not be DECLINED; checked under a share lock so none is declined meanwhile. */
async function requireCoverableFaces(tx: EntityManager, subjects: MediaSubjectInput[]): Promise<void> {
  const named = subjects.map((s, index) => ({ index, id: s.id.toLowerCase() })).filter((_, index) => subjects[index].kind === MediaSubjectKind.FACE);
  if (!named.length) return;
  const faces = await tx.find(FaceEntity, { where: { id: In(named.map((n) => n.id)) }, lock: { mode: 'pessimistic_read' } });
  const byId = new Map(faces.map((f) => [f.id, f]));
  for (const { index, id } of named) {
    const face = byId.get(id);
    if (!face) throw badUserInput(`input.subjects.${index}.id`, `No face ${id} in "100 new faces"`);
    if (face.status === FaceStatus.DECLINED) throw badUserInput(`input.subjects.${index}.id`, `Face ${id} was declined and is not covered`);
  }
}

async function insertSubjects(tx: EntityManager, itemId: string, subjects: MediaSubjectInput[]): Promise<void> {
  if (!subjects.length) return;
  await tx.getRepository(MediaItemSubjectEntity).insert(subjects.map((s, position) => ({ itemId, kind: s.kind, subjectId: s.id.toLowerCase(), position })));
}

function required(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, 'Must not be blank');
  return trimmed;
}
