import { GeoPoint, kato, PageArgs, Territory, type TerritoryNode, WorkListOrder } from '@rz/schema';
import { IDEMPOTENCY_KEY_DESCRIPTION, Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MonumentRef } from '../monument/monument-ref.type';
import type { ComplaintEntity } from './complaint.entity';
import { ComplaintIndicator } from './complaint.enums';
import { ChangeComplaintStatusArgs, ComplaintFilter, FileComplaintInput, ReopenComplaintArgs } from './complaint.input';
import { complaintIndicator, isOpenComplaint } from './complaint.lifecycle';
import { ComplaintService, type FiledComplaint } from './complaint.service';
import type { ComplaintStatusChangeEntity } from './complaint-status-change.entity';
import { Complaint, ComplaintConnection, ComplaintStatusChange, FileComplaintPayload } from './complaint.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Query(() => Complaint, { nullable: true })
  complaint(@Arg('id', () => ID) id: string, @Ctx() ctx: AtamekenContext): Promise<ComplaintEntity | null> {
    return new ComplaintService(ctx).byId(id);
  }

  @Query(() => ComplaintConnection, {
    description:
      'Complaints, newest first or open ones by due day with the overdue first (orderBy), filtered by territory (with its subtree), topic, status or a set of statuses, ' +
      'akimat, monument, overdue, the days filed, or assigned to the viewer',
  })
  complaints(
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null | undefined,
    @Args() page: PageArgs,
    @Arg('orderBy', () => WorkListOrder, { defaultValue: WorkListOrder.NEWEST }) orderBy: WorkListOrder,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new ComplaintService(ctx).list(filter, page, orderBy ?? WorkListOrder.NEWEST);
  }

  @Authorized()
  @Mutation(() => FileComplaintPayload, {
    description: 'Files a complaint (any signed-in person) with at least one evidence file; it starts SUBMITTED and is routed to the nearest staffed akimat',
  })
  fileComplaint(
    @Arg('input', () => FileComplaintInput) input: FileComplaintInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: AtamekenContext,
  ): Promise<FiledComplaint> {
    return new ComplaintService(ctx).file(input, idempotencyKey);
  }

  // The role gate refuses non-officers before their input is validated; the territory scope is checked in the service.
  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => Complaint, { description: 'Moves a complaint on: akimat officers of its territory, or admins. DUPLICATE needs duplicateOf, REJECTED a comment' })
  changeComplaintStatus(@Args() args: ChangeComplaintStatusArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintService(ctx).changeStatus(args);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => Complaint, {
    description: 'Undoes a wrong DUPLICATE: akimat officers of its territory, or admins. The complaint returns to the status it had before, with no original',
  })
  undoComplaintDuplicate(
    @Arg('id', () => ID) id: string,
    @Arg('comment', () => String, { nullable: true, description: 'Why it is not a duplicate' }) comment: string | null | undefined,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new ComplaintService(ctx).undoDuplicate(id, comment);
  }

  @Authorized()
  @Mutation(() => Complaint, { description: 'The author reopens a resolved complaint within 30 days of its resolution; it goes back IN_PROGRESS with a new due day' })
  reopenComplaint(@Args() args: ReopenComplaintArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintService(ctx).reopen(args);
  }

  @FieldResolver(() => Territory)
  territory(@Root() c: ComplaintEntity): TerritoryNode {
    return kato().require(c.territoryCode);
  }

  @FieldResolver(() => Territory, { description: 'The akimat the complaint was routed to: the most specific territory above it with an officer' })
  responsibleTerritory(@Root() c: ComplaintEntity): TerritoryNode {
    return kato().require(c.responsibleTerritoryCode);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() c: ComplaintEntity): GeoPoint | null {
    return c.lat === null || c.lon === null ? null : { lat: c.lat, lon: c.lon };
  }

  @FieldResolver(() => MonumentRef, { nullable: true, description: 'The monument concerned, if any' })
  monument(@Root() c: ComplaintEntity): MonumentRef | null {
    return c.monumentId ? { id: c.monumentId } : null;
  }

  @FieldResolver(() => Complaint, { nullable: true, description: 'The original, for a DUPLICATE' })
  duplicateOf(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): Promise<ComplaintEntity | null> | null {
    return c.duplicateOfId ? new ComplaintService(ctx).byId(c.duplicateOfId) : null;
  }

  @FieldResolver(() => [ComplaintStatusChange], { description: 'Every status change, oldest first, starting with the filing' })
  history(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): Promise<ComplaintStatusChangeEntity[]> {
    return new ComplaintService(ctx).history(c);
  }

  @FieldResolver(() => Boolean, { description: 'Still waiting for the akimat: submitted, accepted or in progress' })
  isOpen(@Root() c: ComplaintEntity): boolean {
    return isOpenComplaint(c.status);
  }

  @FieldResolver(() => Boolean, { description: 'Open and past its due day' })
  isOverdue(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new ComplaintService(ctx).isOverdue(c);
  }

  @FieldResolver(() => Date, { nullable: true, description: 'Until when the author may reopen it, for a resolved complaint' })
  reopenableUntil(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): Date | null {
    return new ComplaintService(ctx).reopenableUntil(c);
  }

  @FieldResolver(() => ComplaintIndicator, { description: 'Traffic light shown on the map' })
  indicator(@Root() c: ComplaintEntity): ComplaintIndicator {
    return complaintIndicator(c.status);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer filed this complaint' })
  isMine(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new ComplaintService(ctx).isMine(c);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer is the officer who accepted it' })
  isAssignedToMe(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new ComplaintService(ctx).isAssignedToMe(c);
  }
}
