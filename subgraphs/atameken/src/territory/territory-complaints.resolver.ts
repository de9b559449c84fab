import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { ComplaintFilter } from '../civic-control/complaint/complaint.input';
import { ComplaintService } from '../civic-control/complaint/complaint.service';
import { ComplaintConnection } from '../civic-control/complaint/complaint.type';
import type { AtamekenContext } from '../context';

@Resolver(() => Territory)
export class TerritoryComplaintsResolver {
  @FieldResolver(() => ComplaintConnection, { description: 'Civic control complaints in this territory and below it' })
  complaints(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => ComplaintFilter, { nullable: true }) filter: ComplaintFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new ComplaintService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
