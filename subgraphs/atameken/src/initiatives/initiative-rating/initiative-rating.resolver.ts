import { Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { InitiativeEntity } from '../initiative/initiative.entity';
import { Initiative } from '../initiative/initiative.type';
import { RateInitiativeArgs } from './initiative-rating.input';
import type { RatingStats } from './initiative-rating.loader';
import { InitiativeRatingService } from './initiative-rating.service';
import { InitiativeRatingSummary } from './initiative-rating.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Initiative)
export class InitiativeRatingResolver {
  @FieldResolver(() => InitiativeRatingSummary, { description: 'Citizens\' rating after implementation' })
  rating(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<RatingStats> {
    return new InitiativeRatingService(ctx).stats(i);
  }

  @Authorized()
  @Mutation(() => Initiative, { description: 'A resident (citizen, volunteer, patron; not its author) rates an implemented initiative 1 to 5; rating again replaces the viewer\'s score (one per person)' })
  rateInitiative(@Args() args: RateInitiativeArgs, @Ctx() ctx: AtamekenContext) {
    return new InitiativeRatingService(ctx).rate(args);
  }
}
