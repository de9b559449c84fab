import { Territory, type TerritoryNode } from '@rz/schema';
import { territoryBatch } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { ComplaintPeriodArgs } from './complaint-indicators.input';
import { ComplaintIndicatorsService } from './complaint-indicators.service';
import { ComplaintIndicators, ComplaintTrendMonth } from './complaint-indicators.type';
import type { AtamekenContext } from '../../context';

const REPUBLIC_WIDE = { nullable: true, description: 'KATO code (with its subtree); omit for the whole republic' };

@Resolver(() => ComplaintIndicators)
export class ComplaintIndicatorsResolver {
  @Query(() => ComplaintIndicators, { description: 'Civic control indicators of a territory, or of the whole republic without one, for complaints filed in a period' })
  complaintIndicators(@Arg('territory', () => ID, REPUBLIC_WIDE) territory: string | null | undefined, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintIndicatorsService(ctx).indicators(territory ?? null, period);
  }

  @Query(() => [ComplaintTrendMonth], { description: 'Complaints filed and resolved per calendar month of a territory, or of the whole republic without one' })
  complaintTrend(@Arg('territory', () => ID, REPUBLIC_WIDE) territory: string | null | undefined, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintIndicatorsService(ctx).trend(territory ?? null, period);
  }
}

// The territories of a request asking for the same period share one statement per field.
const indicatorsOf = territoryBatch((ctx: AtamekenContext, codes, period: ComplaintPeriodArgs) => new ComplaintIndicatorsService(ctx).indicatorsOf(codes, period));
const trendOf = territoryBatch((ctx: AtamekenContext, codes, period: ComplaintPeriodArgs) => new ComplaintIndicatorsService(ctx).trendOf(codes, period));

@Resolver(() => Territory)
export class TerritoryComplaintIndicatorsResolver {
  @FieldResolver(() => ComplaintIndicators, { nullable: true, description: 'Civic control indicators for complaints filed here (and below) in a period' })
  complaintIndicators(@Root() territory: TerritoryNode, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return indicatorsOf(ctx, territory.code, period);
  }

  @FieldResolver(() => [ComplaintTrendMonth], { nullable: true, description: 'Complaints filed and resolved here (and below) per calendar month' })
  complaintTrend(@Root() territory: TerritoryNode, @Args() period: ComplaintPeriodArgs, @Ctx() ctx: AtamekenContext) {
    return trendOf(ctx, territory.code, period);
  }
}
