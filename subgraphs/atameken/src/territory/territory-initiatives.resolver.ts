import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { InitiativeFilter } from '../initiatives/initiative/initiative.input';
import { InitiativeService } from '../initiatives/initiative/initiative.service';
import { InitiativeConnection } from '../initiatives/initiative/initiative.type';
import type { AtamekenContext } from '../context';

@Resolver(() => Territory)
export class TerritoryInitiativesResolver {
  @FieldResolver(() => InitiativeConnection, { description: 'Civic initiatives in this territory and below it' })
  initiatives(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => InitiativeFilter, { nullable: true }) filter: InitiativeFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new InitiativeService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
