import { PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { FaceFilter } from '../face/face.input';
import { FaceService } from '../face/face.service';
import { FaceConnection } from '../face/face.type';

@Resolver(() => Territory)
export class TerritoryFacesResolver {
  @FieldResolver(() => FaceConnection, { description: '"100 new faces" of this territory and of the units below it, newest nomination first' })
  faces(
    @Root() territory: TerritoryNode,
    @Arg('filter', () => FaceFilter, { nullable: true }) filter: FaceFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new FaceService(ctx).list({ ...filter, territory: territory.code }, page);
  }
}
