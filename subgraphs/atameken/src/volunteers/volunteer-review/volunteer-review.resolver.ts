import { PageArgs } from '@rz/schema';
import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { VolunteerEntity } from '../volunteer/volunteer.entity';
import { Volunteer } from '../volunteer/volunteer.type';
import { VolunteerHelpService } from '../volunteer-help/volunteer-help.service';
import { VolunteerHelpStatus, VolunteerHelpRecordConnection } from '../volunteer-help/volunteer-help.type';
import type { VolunteerReviewEntity } from './volunteer-review.entity';
import { ReviewVolunteerInput } from './volunteer-review.input';
import { VolunteerReviewService } from './volunteer-review.service';
import { VolunteerReview, VolunteerReviewConnection } from './volunteer-review.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Volunteer)
export class VolunteerActivityResolver {
  @FieldResolver(() => VolunteerReviewConnection, { description: 'Reviews, newest first; authors are never named' })
  reviews(@Root() v: VolunteerEntity, @Args() page: PageArgs, @Ctx() ctx: AtamekenContext) {
    return new VolunteerReviewService(ctx).page(v, page);
  }

  @FieldResolver(() => VolunteerHelpRecordConnection, { description: 'Help records, newest first' })
  helpRecords(
    @Root() v: VolunteerEntity,
    @Arg('status', () => VolunteerHelpStatus, { nullable: true }) status: VolunteerHelpStatus | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new VolunteerHelpService(ctx).list({ volunteer: v.id, status }, page);
  }

  @Authorized()
  @Mutation(() => VolunteerReview, { description: 'Reviews a volunteer, positively or negatively (once per person)' })
  reviewVolunteer(@Arg('input', () => ReviewVolunteerInput) input: ReviewVolunteerInput, @Ctx() ctx: AtamekenContext) {
    return new VolunteerReviewService(ctx).review(input);
  }
}

@Resolver(() => VolunteerReview)
export class VolunteerReviewResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the viewer wrote it' })
  isMine(@Root() r: VolunteerReviewEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new VolunteerReviewService(ctx).isMine(r);
  }
}
