import { Lang, localizedOf, LocalizedText, pickLocalized } from '@rz/schema';
import { Arg, Authorized, Ctx, FieldResolver, Float, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { InitiativeEntity } from '../initiative/initiative.entity';
import { InitiativeStatus } from '../initiative/initiative.enums';
import { Initiative } from '../initiative/initiative.type';
import type { VolunteerEntity } from '../../volunteers/volunteer/volunteer.entity';
import { Volunteer } from '../../volunteers/volunteer/volunteer.type';
import { CompleteInitiativeInput } from './initiative-implementation.input';
import { InitiativeImplementationService } from './initiative-implementation.service';
import { InitiativeImplementation, InitiativePatron } from './initiative-implementation.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Initiative)
export class InitiativeCompletionResolver {
  @FieldResolver(() => InitiativeImplementation, { nullable: true, description: 'The implementation record, once IMPLEMENTED' })
  implementation(@Root() i: InitiativeEntity): InitiativeEntity | null {
    return i.status === InitiativeStatus.IMPLEMENTED && i.implementedAt && i.peopleServed !== null ? i : null;
  }

  @Authorized()
  @Mutation(() => Initiative, {
    description: 'An akimat officer of its territory completes an initiative IN_PROGRESS: result, people served, NGOs, patrons and volunteers',
  })
  completeInitiative(@Arg('input', () => CompleteInitiativeInput) input: CompleteInitiativeInput, @Ctx() ctx: AtamekenContext) {
    return new InitiativeImplementationService(ctx).complete(input);
  }
}

/** Root value: an implemented InitiativeEntity. */
@Resolver(() => InitiativeImplementation)
export class InitiativeImplementationResolver {
  @FieldResolver(() => String, { description: 'What was achieved, in the reader\'s language, falling back kk -> ru -> en' })
  result(@Root() i: InitiativeEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized(localizedOf(i, 'result'), lang)!;
  }

  @FieldResolver(() => LocalizedText)
  results(@Root() i: InitiativeEntity): LocalizedText {
    return localizedOf(i, 'result');
  }

  @FieldResolver(() => [InitiativePatron], { description: 'Organisations that pledged, then patrons named by the akimat; private persons are never named' })
  patrons(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<InitiativePatron[]> {
    return new InitiativeImplementationService(ctx).patrons(i);
  }

  @FieldResolver(() => Int, { description: 'Private persons who pledged (not named)' })
  async privatePatronCount(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new InitiativeImplementationService(ctx).privatePledges(i)).count;
  }

  @FieldResolver(() => Float, { description: 'Tenge pledged by private persons' })
  async privatePledged(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return (await new InitiativeImplementationService(ctx).privatePledges(i)).amount;
  }

  @FieldResolver(() => [String], { description: 'NGOs that took part' })
  ngos(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<string[]> {
    return new InitiativeImplementationService(ctx).ngos(i);
  }

  @FieldResolver(() => [Volunteer], { description: 'Volunteers who took part (anonymous profiles)' })
  volunteers(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<VolunteerEntity[]> {
    return new InitiativeImplementationService(ctx).volunteers(i);
  }
}
