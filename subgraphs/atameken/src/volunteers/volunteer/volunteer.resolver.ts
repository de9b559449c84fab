import { kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { VolunteerEntity } from './volunteer.entity';
import { VolunteerFilter, VolunteerProfileInput } from './volunteer.input';
import { RevealContactArgs } from '../personal-data/personal-data-release.input';
import { VolunteerContact } from './volunteer-contact.type';
import { VolunteerService } from './volunteer.service';
import { Volunteer, VolunteerConnection } from './volunteer.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Volunteer)
export class VolunteerResolver {
  @Query(() => Volunteer, { nullable: true, description: 'An anonymous volunteer profile' })
  volunteer(@Arg('id', () => ID) id: string, @Ctx() ctx: AtamekenContext): Promise<VolunteerEntity | null> {
    return new VolunteerService(ctx).byId(id);
  }

  @Query(() => VolunteerConnection, { description: 'The anonymous public list of volunteers, newest first' })
  volunteers(
    @Arg('filter', () => VolunteerFilter, { nullable: true }) filter: VolunteerFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new VolunteerService(ctx).list(filter, page);
  }

  @Authorized()
  @Query(() => Volunteer, { nullable: true, description: 'The viewer\'s own volunteer profile, if any' })
  myVolunteerProfile(@Ctx() ctx: AtamekenContext): Promise<VolunteerEntity | null> {
    return new VolunteerService(ctx).mine();
  }

  @Authorized()
  @Mutation(() => Volunteer, { description: 'Joins the volunteer corps (once per person); contacts are never public' })
  registerVolunteer(@Arg('input', () => VolunteerProfileInput) input: VolunteerProfileInput, @Ctx() ctx: AtamekenContext) {
    return new VolunteerService(ctx).register(input);
  }

  @Authorized()
  @Mutation(() => Volunteer, { description: 'Replaces the viewer\'s own volunteer profile' })
  updateVolunteerProfile(@Arg('input', () => VolunteerProfileInput) input: VolunteerProfileInput, @Ctx() ctx: AtamekenContext) {
    return new VolunteerService(ctx).update(input);
  }

  @Authorized()
  @Mutation(() => VolunteerContact, {
    description: 'Releases one volunteer\'s contact details to an identity verified by digital signature; the release (who, whose, when, why) is recorded',
  })
  revealVolunteerContact(@Args() args: RevealContactArgs, @Ctx() ctx: AtamekenContext) {
    return new VolunteerService(ctx).revealContact(args);
  }

  @FieldResolver(() => String, { name: 'availableFrom', description: 'From HH:MM, local time' })
  availableFromField(@Root() v: VolunteerEntity): string {
    return v.availableFrom.slice(0, 5);
  }

  @FieldResolver(() => String, { name: 'availableTo', description: 'Until HH:MM, local time' })
  availableToField(@Root() v: VolunteerEntity): string {
    return v.availableTo.slice(0, 5);
  }

  @FieldResolver(() => Territory)
  territory(@Root() v: VolunteerEntity): TerritoryNode {
    return kato().require(v.territoryCode);
  }

  @FieldResolver(() => Int, { description: 'People helped in confirmed help records' })
  async peopleHelped(@Root() v: VolunteerEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new VolunteerService(ctx).stats(v)).peopleHelped;
  }

  @FieldResolver(() => Int, { description: 'Confirmed help records' })
  async confirmedHelpCount(@Root() v: VolunteerEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new VolunteerService(ctx).stats(v)).confirmedHelpCount;
  }

  @FieldResolver(() => Int)
  async positiveReviews(@Root() v: VolunteerEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new VolunteerService(ctx).stats(v)).positiveReviews;
  }

  @FieldResolver(() => Int)
  async negativeReviews(@Root() v: VolunteerEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new VolunteerService(ctx).stats(v)).negativeReviews;
  }

  @FieldResolver(() => Boolean, { description: 'Whether this is the viewer\'s own profile' })
  isMe(@Root() v: VolunteerEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new VolunteerService(ctx).isMe(v);
  }
}
