import { PageArgs } from '@rz/schema';
import { isUUID } from 'class-validator';
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { ComplaintFilter } from '../complaint/complaint.input';
import { ComplaintService } from '../complaint/complaint.service';
import { ComplaintConnection } from '../complaint/complaint.type';
import { openComplaintCountByMonumentLoader } from './monument-complaints.loader';
import { MonumentRef } from './monument-ref.type';
import type { AtamekenContext } from '../../context';

/** Fields atameken adds to rukhani-qazyna's Monument: only public complaint fields and counts. */
@Resolver(() => MonumentRef)
export class MonumentComplaintsResolver {
  @FieldResolver(() => ComplaintConnection, { nullable: true, description: 'Civic control complaints about this monument, newest first' })
  async complaints(
    @Root() monument: MonumentRef,
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    if (!isUUID(monument.id)) return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
    return new ComplaintService(ctx).list({ ...filter, monument: monument.id }, page);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Complaints about this monument still waiting for the akimat' })
  openComplaintCount(@Root() monument: MonumentRef, @Ctx() ctx: AtamekenContext): Promise<number> {
    return ctx.loaders.get(openComplaintCountByMonumentLoader).load(monument.id);
  }
}
