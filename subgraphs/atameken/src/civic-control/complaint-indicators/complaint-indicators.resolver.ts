import { Territory, type TerritoryNode } from '@rz/schema';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ComplaintPeriodArgs } from './complaint-indicators.input';
import { ComplaintIndicatorsService } from './complaint-indicators.service';
import { ComplaintIndicators, ComplaintTrendMonth } from './complaint-indicators.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => ComplaintIndicators)
export class ComplaintIndicatorsResolver {
  @Query(() => ComplaintIndicators, { description: 'Civic control indicators of a territory for complaints filed in a period' })
  complaintIndicators(@Arg('territory', () => ID) territory: string, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintIndicatorsService(ctx).indicators(territory, period);
  }

  @Query(() => [ComplaintTrendMonth], { description: 'Complaints filed and resolved per calendar month of a territory' })
  complaintTrend(@Arg('territory', () => ID) territory: string, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintIndicatorsService(ctx).trend(territory, period);
  }
}

@Resolver(() => Territory)
export class TerritoryComplaintIndicatorsResolver {
  @FieldResolver(() => ComplaintIndicators, { nullable: true, description: 'Civic control indicators for complaints filed here (and below) in a period' })
  complaintIndicators(@Root() territory: TerritoryNode, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintIndicatorsService(ctx).indicators(territory.code, period);
  }

  @FieldResolver(() => [ComplaintTrendMonth], { nullable: true, description: 'Complaints filed and resolved here (and below) per calendar month' })
  complaintTrend(@Root() territory: TerritoryNode, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintIndicatorsService(ctx).trend(territory.code, period);
  }
}
