import { GeoPoint, kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MonumentRef } from '../monument/monument-ref.type';
import type { ComplaintEntity } from './complaint.entity';
import { ComplaintIndicator } from './complaint.enums';
import { ChangeComplaintStatusArgs, ComplaintFilter, FileComplaintInput } from './complaint.input';
import { complaintIndicator, isOpenComplaint } from './complaint.lifecycle';
import { ComplaintService } from './complaint.service';
import type { ComplaintStatusChangeEntity } from './complaint-status-change.entity';
import { Complaint, ComplaintConnection, ComplaintStatusChange } from './complaint.type';

@Resolver(() => Complaint)
export class ComplaintResolver {
  @Query(() => Complaint, { nullable: true })
  complaint(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ComplaintEntity | null> {
    return new ComplaintService(ctx).byId(id);
  }

  @Query(() => ComplaintConnection, { description: 'Complaints, newest first, filtered by territory (with its subtree), topic or status' })
  complaints(
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new ComplaintService(ctx).list(filter, page);
  }

  @Authorized()
  @Mutation(() => Complaint, { description: 'Files a complaint (any signed-in person); it starts SUBMITTED' })
  fileComplaint(@Arg('input', () => FileComplaintInput) input: FileComplaintInput, @Ctx() ctx: SubgraphContext) {
    return new ComplaintService(ctx).file(input);
  }

  @Authorized()
  @Mutation(() => Complaint, { description: 'Moves a complaint on: akimat officers of its territory, or admins' })
  changeComplaintStatus(@Args() args: ChangeComplaintStatusArgs, @Ctx() ctx: SubgraphContext) {
    return new ComplaintService(ctx).changeStatus(args);
  }

  @FieldResolver(() => Territory)
  territory(@Root() c: ComplaintEntity): TerritoryNode {
    return kato().require(c.territoryCode);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() c: ComplaintEntity): GeoPoint | null {
    return c.lat === null || c.lon === null ? null : { lat: c.lat, lon: c.lon };
  }

  @FieldResolver(() => MonumentRef, { nullable: true, description: 'The monument concerned, if any' })
  monument(@Root() c: ComplaintEntity): MonumentRef | null {
    return c.monumentId ? { id: c.monumentId } : null;
  }

  @FieldResolver(() => [ComplaintStatusChange], { description: 'Every status change, oldest first, starting with the filing' })
  history(@Root() c: ComplaintEntity, @Ctx() ctx: SubgraphContext): Promise<ComplaintStatusChangeEntity[]> {
    return new ComplaintService(ctx).history(c);
  }

  @FieldResolver(() => Boolean, { description: 'Still waiting for the akimat: submitted, accepted or in progress' })
  isOpen(@Root() c: ComplaintEntity): boolean {
    return isOpenComplaint(c.status);
  }

  @FieldResolver(() => ComplaintIndicator, { description: 'Traffic light shown on the map' })
  indicator(@Root() c: ComplaintEntity): ComplaintIndicator {
    return complaintIndicator(c.status);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer filed this complaint' })
  isMine(@Root() c: ComplaintEntity, @Ctx() ctx: SubgraphContext): boolean {
    return new ComplaintService(ctx).isMine(c);
  }
}
