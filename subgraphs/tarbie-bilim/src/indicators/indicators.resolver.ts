import { Territory, kato, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { IndicatorsService } from './indicators.service';
import { TarbieBilimIndicators, type TarbieBilimIndicatorsShape } from './indicators.type';

@Resolver(() => TarbieBilimIndicators)
export class IndicatorsResolver {
  @Query(() => TarbieBilimIndicators, { description: 'Tarbie-Bilim indicators of a territory (with its subtree) for a school year' })
  tarbieBilimIndicators(
    @Arg('territory', () => ID, { description: 'KATO code' }) territory: string,
    @Arg('schoolYear', () => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' }) schoolYear: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TarbieBilimIndicatorsShape> {
    return new IndicatorsService(ctx).forTerritory(territory, schoolYear);
  }

  @FieldResolver(() => Territory)
  territory(@Root() i: TarbieBilimIndicatorsShape): TerritoryNode {
    return kato().require(i.territoryCode);
  }
}
