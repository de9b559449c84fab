import { Territory, type TerritoryNode } from '@rz/schema';
import { territoryBatch, type SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { IndicatorsService } from '../indicators/indicators.service';
import { TarbieBilimIndicators, type TarbieBilimIndicatorsShape } from '../indicators/indicators.type';

// The territories of a request asking for the same school year share one set of statements.
const indicatorsOf = territoryBatch((ctx: SubgraphContext, codes, schoolYear: number) => new IndicatorsService(ctx).forTerritories(codes, schoolYear));

@Resolver(() => Territory)
export class TerritoryIndicatorsResolver {
  @FieldResolver(() => TarbieBilimIndicators, { nullable: true, description: 'Tarbie-Bilim indicators of this territory with its subtree for a school year' })
  tarbieBilimIndicators(
    @Root() territory: TerritoryNode,
    @Arg('schoolYear', () => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' }) schoolYear: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TarbieBilimIndicatorsShape> {
    return indicatorsOf(ctx, territory.code, schoolYear);
  }
}
