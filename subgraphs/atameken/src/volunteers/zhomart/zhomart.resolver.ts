import { kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Role, territoryBatch } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { VolunteerEntity } from '../volunteer/volunteer.entity';
import { VolunteerService } from '../volunteer/volunteer.service';
import { Volunteer } from '../volunteer/volunteer.type';
import type { ZhomartAwardEntity } from './zhomart-award.entity';
import { awardsByVolunteerLoader } from './zhomart-award.loader';
import { ZhomartAwardService } from './zhomart-award.service';
import { ConfirmZhomartWinnerInput, ZhomartAwardFilter, ZhomartPeriodArgs, ZhomartRankingArgs } from './zhomart.input';
import { ZhomartRankingService, type ZhomartRankingResult, type ZhomartRankingRow } from './zhomart-ranking.service';
import { ZhomartAward, ZhomartAwardConnection, ZhomartRanking, ZhomartRankingEntry } from './zhomart.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => ZhomartRanking)
export class ZhomartResolver {
  @Query(() => ZhomartRanking, { description: 'The ranking of a computed Zhomart Zhurek nomination for a scope and period' })
  zhomartRanking(@Args() args: ZhomartRankingArgs, @Ctx() ctx: AtamekenContext): Promise<ZhomartRankingResult> {
    return new ZhomartRankingService(ctx).ranking(args.nomination, args.territory, args.period, args.day, args.first);
  }

  @Query(() => ZhomartAwardConnection, { description: 'Confirmed Zhomart Zhurek awards, newest first' })
  zhomartAwards(
    @Arg('filter', () => ZhomartAwardFilter, { nullable: true }) filter: ZhomartAwardFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new ZhomartAwardService(ctx).list(filter, page);
  }

  // The committee; the service narrows project offices to their region.
  @Authorized(Role.PROJECT_OFFICE)
  @Mutation(() => ZhomartAward, { description: 'The committee (an admin, or the project office of the scope\'s region) confirms the winner of a finished period' })
  confirmZhomartWinner(@Arg('input', () => ConfirmZhomartWinnerInput) input: ConfirmZhomartWinnerInput, @Ctx() ctx: AtamekenContext) {
    return new ZhomartAwardService(ctx).confirm(input);
  }
}

@Resolver(() => ZhomartRankingEntry)
export class ZhomartRankingEntryResolver {
  @FieldResolver(() => Volunteer, { nullable: true, description: 'For volunteer nominations: the anonymous volunteer profile' })
  volunteer(@Root() entry: ZhomartRankingRow & { isVolunteer: boolean }, @Ctx() ctx: AtamekenContext): Promise<VolunteerEntity | null> | null {
    return entry.isVolunteer ? new VolunteerService(ctx).byId(entry.candidate) : null;
  }
}

@Resolver(() => ZhomartAward)
export class ZhomartAwardResolver {
  @FieldResolver(() => Territory, { nullable: true, description: 'The district, city or region; null for the republic' })
  territory(@Root() a: ZhomartAwardEntity): TerritoryNode | null {
    return a.scopeCode ? kato().require(a.scopeCode) : null;
  }

  @FieldResolver(() => Volunteer, { nullable: true })
  volunteer(@Root() a: ZhomartAwardEntity, @Ctx() ctx: AtamekenContext): Promise<VolunteerEntity | null> | null {
    return a.volunteerId ? new VolunteerService(ctx).byId(a.volunteerId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: 'BEST_PATRON: the organisation; null for a private person, who is never named' })
  patronName(@Root() a: ZhomartAwardEntity): string | null {
    return a.patronOrganisation;
  }
}

// The territories of a request asking for the same ranking share one statement; a unit that cannot be a scope fails alone.
const rankingsWithin = territoryBatch((ctx: AtamekenContext, codes, args: ZhomartPeriodArgs) =>
  new ZhomartRankingService(ctx).rankingsWithin(args.nomination, codes, args.period, args.day, args.first),
);

@Resolver(() => Territory)
export class TerritoryZhomartResolver {
  @FieldResolver(() => ZhomartRanking, { nullable: true, description: 'A computed Zhomart Zhurek ranking with this district, city or region as scope' })
  zhomartRanking(@Root() territory: TerritoryNode, @Args() args: ZhomartPeriodArgs, @Ctx() ctx: AtamekenContext): Promise<ZhomartRankingResult> {
    return rankingsWithin(ctx, territory.code, args) as Promise<ZhomartRankingResult>;
  }
}

@Resolver(() => Volunteer)
export class VolunteerAwardsResolver {
  @FieldResolver(() => [ZhomartAward], { description: 'Zhomart Zhurek awards this volunteer won, newest first' })
  awards(@Root() v: VolunteerEntity, @Ctx() ctx: AtamekenContext): Promise<ZhomartAwardEntity[]> {
    return ctx.loaders.get(awardsByVolunteerLoader).load(v.id);
  }
}
