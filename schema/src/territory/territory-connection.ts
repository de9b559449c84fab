import { Arg, Args, Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { PageArgs } from '../pagination/connection';
import type { TerritoryNode } from './kato-classifier';
import { Territory } from './territory.type';

/** A GraphQL type as type-graphql's decorators take it: `() => SomeInput`, `() => SomeEnum`. */
type TypeFunc = Parameters<typeof FieldResolver>[0] & {};

export interface TerritoryConnectionOptions<A, C> {
  /** The field this subgraph adds to Territory. */
  field: string;
  /** The connection type it returns. */
  returns: TypeFunc;
  description: string;
  /**
   * The nullable argument besides the page: a filter input class (named `filter`), or a name and
   * a type for any other, e.g. `{ name: 'type', type: () => TourismRouteType }`.
   */
  argument: (new () => A) | { name: string; type: TypeFunc };
  /** Lists what lies in the territory (the code) and below it. */
  list(ctx: C, territoryCode: string, argument: A | null | undefined, page: PageArgs): unknown;
}

/**
 * A resolver adding one connection field to Territory:
 * `<field>(<argument>, first, after): <returns>` listing the records of a territory and the units below it.
 * List the class in the subgraph's resolvers like any other.
 */
export function territoryConnectionResolver<A, C = unknown>(options: TerritoryConnectionOptions<A, C>): ClassType {
  const { argument } = options;
  const { name, type } = typeof argument === 'function' ? { name: 'filter', type: () => argument } : argument;

  // The method is named after the field: type-graphql matches a Territory field to its resolver by method name.
  const method = options.field;
  @Resolver(() => Territory)
  class TerritoryConnectionResolver {
    // Nullable: an outage of the subgraph that adds it must not blank the rest of the territory.
    @FieldResolver(options.returns, { nullable: true, description: options.description })
    [method](
      @Root() territory: TerritoryNode,
      @Arg(name, type, { nullable: true }) argument: A | null | undefined,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() ctx: C,
    ): unknown {
      return options.list(ctx, territory.code, argument, page);
    }
  }
  return TerritoryConnectionResolver;
}
