import { GeoPoint, kato, Lang, localizedOf, LocalizedText, PageArgs, pickLocalized, Territory, type TerritoryNode } from '@rz/schema';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InitiativeEntity } from './initiative.entity';
import { ChangeInitiativeStatusArgs, InitiativeFilter, ProposeInitiativeInput, RecordInitiativeBudgetArgs, UpdateInitiativeInput } from './initiative.input';
import { InitiativeService } from './initiative.service';
import { Initiative, InitiativeConnection } from './initiative.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => Initiative, { nullable: true })
  initiative(@Arg('id', () => ID) id: string, @Ctx() ctx: AtamekenContext): Promise<InitiativeEntity | null> {
    return new InitiativeService(ctx).byId(id);
  }

  @Query(() => InitiativeConnection, { description: 'Initiatives, newest first, filtered by territory (with its subtree), kind, direction, category, status or map viewport' })
  initiatives(
    @Arg('filter', () => InitiativeFilter, { nullable: true }) filter: InitiativeFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new InitiativeService(ctx).list(filter, page);
  }

  @Authorized()
  @Mutation(() => Initiative, { description: 'Proposes an initiative (any signed-in citizen or NGO); it starts INITIATED' })
  proposeInitiative(@Arg('input', () => ProposeInitiativeInput) input: ProposeInitiativeInput, @Ctx() ctx: AtamekenContext) {
    return new InitiativeService(ctx).propose(input);
  }

  @Authorized()
  @Mutation(() => Initiative, { description: 'Edits an INITIATED initiative: its author or an akimat officer of its territory' })
  updateInitiative(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateInitiativeInput) input: UpdateInitiativeInput,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new InitiativeService(ctx).update(id, input);
  }

  @Authorized()
  @Mutation(() => Initiative, { description: 'Moves an initiative on: the akimat of its territory starts, completes or rejects it; the author may withdraw it' })
  changeInitiativeStatus(@Args() args: ChangeInitiativeStatusArgs, @Ctx() ctx: AtamekenContext) {
    return new InitiativeService(ctx).changeStatus(args);
  }

  @Authorized()
  @Mutation(() => Initiative, { description: 'An akimat officer of its territory records the budget covering (part of) an INITIATED initiative' })
  recordInitiativeBudget(@Args() args: RecordInitiativeBudgetArgs, @Ctx() ctx: AtamekenContext) {
    return new InitiativeService(ctx).recordBudget(args);
  }

  @FieldResolver(() => Territory, { description: 'The akimat responsible: the most specific territory above it with an officer' })
  responsibleTerritory(@Root() i: InitiativeEntity): TerritoryNode {
    return kato().require(i.responsibleTerritoryCode);
  }

  @FieldResolver(() => String, { description: 'Title in the reader\'s language, falling back kk -> ru -> en' })
  title(@Root() i: InitiativeEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized(localizedOf(i, 'title'), lang)!;
  }

  @FieldResolver(() => LocalizedText)
  titles(@Root() i: InitiativeEntity): LocalizedText {
    return localizedOf(i, 'title');
  }

  @FieldResolver(() => String, { nullable: true })
  description(@Root() i: InitiativeEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized(localizedOf(i, 'description'), lang);
  }

  @FieldResolver(() => LocalizedText)
  descriptions(@Root() i: InitiativeEntity): LocalizedText {
    return localizedOf(i, 'description');
  }

  @FieldResolver(() => Territory)
  territory(@Root() i: InitiativeEntity): TerritoryNode {
    return kato().require(i.territoryCode);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  location(@Root() i: InitiativeEntity): GeoPoint | null {
    return i.lat === null || i.lon === null ? null : { lat: i.lat, lon: i.lon };
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer proposed this initiative' })
  isMine(@Root() i: InitiativeEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new InitiativeService(ctx).isMine(i);
  }
}
