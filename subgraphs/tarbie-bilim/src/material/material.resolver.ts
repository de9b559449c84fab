import { PageArgs, Territory, kato, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MonumentRef } from '../monument/monument.type';
import type { LocalHistoryMaterialEntity } from './material.entity';
import { CreateLocalHistoryMaterialInput, LocalHistoryMaterialFilter, UpdateLocalHistoryMaterialInput } from './material.input';
import { MaterialService } from './material.service';
import { LocalHistoryMaterial, LocalHistoryMaterialConnection } from './material.type';

@Resolver(() => LocalHistoryMaterial)
export class MaterialResolver {
  @Query(() => LocalHistoryMaterial, { nullable: true })
  localHistoryMaterial(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<LocalHistoryMaterialEntity | null> {
    return new MaterialService(ctx).byId(id);
  }

  @Query(() => LocalHistoryMaterialConnection, { description: 'Local history materials, newest first, by territory (with its subtree), kind, language or monument' })
  localHistoryMaterials(
    @Arg('filter', () => LocalHistoryMaterialFilter, { nullable: true }) filter: LocalHistoryMaterialFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new MaterialService(ctx).list(filter, page);
  }

  @Authorized()
  @Mutation(() => LocalHistoryMaterial, { description: 'For Tarbie-Bilim editors, akimat officers within their territory, and admins' })
  createLocalHistoryMaterial(@Arg('input', () => CreateLocalHistoryMaterialInput) input: CreateLocalHistoryMaterialInput, @Ctx() ctx: SubgraphContext) {
    return new MaterialService(ctx).create(input);
  }

  @Authorized()
  @Mutation(() => LocalHistoryMaterial)
  updateLocalHistoryMaterial(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateLocalHistoryMaterialInput) input: UpdateLocalHistoryMaterialInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new MaterialService(ctx).update(id, input);
  }

  @Authorized()
  @Mutation(() => ID, { description: 'Deletes the material; returns its id' })
  deleteLocalHistoryMaterial(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext) {
    return new MaterialService(ctx).delete(id);
  }

  @FieldResolver(() => Territory)
  territory(@Root() m: LocalHistoryMaterialEntity): TerritoryNode {
    return kato().require(m.territoryCode);
  }

  @FieldResolver(() => [MonumentRef], { description: 'Monuments the material describes' })
  async monuments(@Root() m: LocalHistoryMaterialEntity, @Ctx() ctx: SubgraphContext): Promise<MonumentRef[]> {
    return (await new MaterialService(ctx).monumentIds(m.id)).map((id) => ({ id }));
  }
}
