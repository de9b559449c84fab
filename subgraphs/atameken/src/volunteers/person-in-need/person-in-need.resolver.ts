import { kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { RevealContactArgs } from '../personal-data/personal-data-release.input';
import type { PersonInNeedEntity } from './person-in-need.entity';
import { PersonInNeedFilter, RegisterPersonInNeedInput } from './person-in-need.input';
import { PersonInNeedService } from './person-in-need.service';
import { PersonInNeed, PersonInNeedConnection, PersonInNeedContact } from './person-in-need.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => PersonInNeed)
export class PersonInNeedResolver {
  @Query(() => PersonInNeedConnection, { description: 'The anonymous map of people in need, newest first' })
  peopleInNeed(
    @Arg('filter', () => PersonInNeedFilter, { nullable: true }) filter: PersonInNeedFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new PersonInNeedService(ctx).list(filter, page);
  }

  @Authorized()
  @Mutation(() => PersonInNeed, { description: 'Puts a person (or the viewer) on the map of people in need; contacts are never public' })
  registerPersonInNeed(@Arg('input', () => RegisterPersonInNeedInput) input: RegisterPersonInNeedInput, @Ctx() ctx: AtamekenContext) {
    return new PersonInNeedService(ctx).register(input);
  }

  @Authorized()
  @Mutation(() => PersonInNeed, { description: 'Takes a person off the map: the person, whoever registered them, or an akimat officer' })
  closePersonInNeed(@Arg('id', () => ID) id: string, @Ctx() ctx: AtamekenContext) {
    return new PersonInNeedService(ctx).close(id);
  }

  @Authorized()
  @Mutation(() => PersonInNeedContact, {
    description: 'Releases one person\'s contact details to an identity verified by digital signature; the release (who, whose, when, why) is recorded',
  })
  revealPersonInNeedContact(@Args() args: RevealContactArgs, @Ctx() ctx: AtamekenContext) {
    return new PersonInNeedService(ctx).revealContact(args);
  }

  @FieldResolver(() => Territory)
  territory(@Root() p: PersonInNeedEntity): TerritoryNode {
    return kato().require(p.territoryCode);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer is this person or registered them' })
  isMine(@Root() p: PersonInNeedEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new PersonInNeedService(ctx).isMine(p);
  }
}
