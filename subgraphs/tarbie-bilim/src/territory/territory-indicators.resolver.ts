import { Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { IndicatorsService } from '../indicators/indicators.service';
import { TarbieBilimIndicators, type TarbieBilimIndicatorsShape } from '../indicators/indicators.type';

@Resolver(() => Territory)
export class TerritoryIndicatorsResolver {
  @FieldResolver(() => TarbieBilimIndicators, { nullable: true, description: 'Tarbie-Bilim indicators of this territory with its subtree for a school year' })
  tarbieBilimIndicators(
    @Root() territory: TerritoryNode,
    @Arg('schoolYear', () => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' }) schoolYear: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TarbieBilimIndicatorsShape> {
    return new IndicatorsService(ctx).forTerritory(territory.code, schoolYear);
  }
}
