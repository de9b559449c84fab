import { Lang, localizedOf, LocalizedText, pickLocalized } from '@rz/schema';
import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import type { InitiativeEntity } from '../initiative/initiative.entity';
import { Initiative } from '../initiative/initiative.type';
import type { InitiativeMilestoneEntity } from './initiative-milestone.entity';
import { AddInitiativeMilestoneInput } from './initiative-milestone.input';
import { InitiativeMilestoneService } from './initiative-milestone.service';
import { InitiativeMilestone } from './initiative-milestone.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Initiative)
export class InitiativeMilestonesResolver {
  @FieldResolver(() => [InitiativeMilestone], { description: 'Steps of the implementation, in the order they happened' })
  milestones(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): Promise<InitiativeMilestoneEntity[]> {
    return new InitiativeMilestoneService(ctx).forInitiative(i);
  }

  @Authorized()
  @Mutation(() => InitiativeMilestone, { description: 'Reports a step of an initiative IN_PROGRESS: its author or an akimat officer of its territory' })
  addInitiativeMilestone(@Arg('input', () => AddInitiativeMilestoneInput) input: AddInitiativeMilestoneInput, @Ctx() ctx: AtamekenContext) {
    return new InitiativeMilestoneService(ctx).add(input);
  }
}

@Resolver(() => InitiativeMilestone)
export class InitiativeMilestoneResolver {
  @FieldResolver(() => String, { description: 'Title in the reader\'s language, falling back kk -> ru -> en' })
  title(@Root() m: InitiativeMilestoneEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized(localizedOf(m, 'title'), lang)!;
  }

  @FieldResolver(() => LocalizedText)
  titles(@Root() m: InitiativeMilestoneEntity): LocalizedText {
    return localizedOf(m, 'title');
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() m: InitiativeMilestoneEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized(localizedOf(m, 'description'), lang);
  }
}
