import { PageArgs, Territory, kato, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { LocalHistoryClubMembersEntity } from './club-members.entity';
import type { LocalHistoryClubEntity } from './club.entity';
import { CreateLocalHistoryClubInput, LocalHistoryClubFilter, LocalHistoryClubMembersInput, UpdateLocalHistoryClubInput } from './club.input';
import { ClubService } from './club.service';
import { LocalHistoryClub, LocalHistoryClubConnection, LocalHistoryClubMembers } from './club.type';

@Resolver(() => LocalHistoryClub)
export class ClubResolver {
  @Query(() => LocalHistoryClub, { nullable: true })
  localHistoryClub(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<LocalHistoryClubEntity | null> {
    return new ClubService(ctx).byId(id);
  }

  @Query(() => LocalHistoryClubConnection, { description: 'Local history clubs, newest first, by territory (with its subtree) or school year' })
  localHistoryClubs(
    @Arg('filter', () => LocalHistoryClubFilter, { nullable: true }) filter: LocalHistoryClubFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new ClubService(ctx).list(filter, page);
  }

  @Authorized()
  @Mutation(() => LocalHistoryClub, { description: 'For Tarbie-Bilim editors, akimat officers within their territory, and admins' })
  createLocalHistoryClub(@Arg('input', () => CreateLocalHistoryClubInput) input: CreateLocalHistoryClubInput, @Ctx() ctx: SubgraphContext) {
    return new ClubService(ctx).create(input);
  }

  @Authorized()
  @Mutation(() => LocalHistoryClub)
  updateLocalHistoryClub(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateLocalHistoryClubInput) input: UpdateLocalHistoryClubInput,
    @Ctx() ctx: SubgraphContext,
  ) {
    return new ClubService(ctx).update(id, input);
  }

  @Authorized()
  @Mutation(() => LocalHistoryClub, { description: 'Records the members of a club in a school year (replacing an earlier number for that year)' })
  setLocalHistoryClubMembers(@Arg('input', () => LocalHistoryClubMembersInput) input: LocalHistoryClubMembersInput, @Ctx() ctx: SubgraphContext) {
    return new ClubService(ctx).setMembers(input);
  }

  @FieldResolver(() => Territory)
  territory(@Root() c: LocalHistoryClubEntity): TerritoryNode {
    return kato().require(c.territoryCode);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Members in a school year (the year it starts in); null when not recorded' })
  members(@Root() c: LocalHistoryClubEntity, @Arg('schoolYear', () => Int) schoolYear: number, @Ctx() ctx: SubgraphContext): Promise<number | null> {
    return new ClubService(ctx).membersIn(c.id, schoolYear);
  }

  @FieldResolver(() => [LocalHistoryClubMembers], { description: 'Members in every recorded school year, latest first' })
  membersByYear(@Root() c: LocalHistoryClubEntity, @Ctx() ctx: SubgraphContext): Promise<LocalHistoryClubMembersEntity[]> {
    return new ClubService(ctx).membersByYear(c.id);
  }
}
