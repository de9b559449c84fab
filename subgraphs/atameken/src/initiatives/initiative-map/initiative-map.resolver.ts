import { Lang } from '@rz/schema';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { InitiativeMapArgs } from './initiative-map.input';
import { InitiativeMapService, mapPointTitle, type InitiativeMapResult, type InitiativeMapRow } from './initiative-map.service';
import { InitiativeMapPage, InitiativeMapPoint } from './initiative-map.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => InitiativeMapPoint)
export class InitiativeMapResolver {
  @Query(() => InitiativeMapPage, {
    description: 'Located initiatives for a map, in a viewport and/or territory, filtered by kind, direction, category and status; pages of up to 5000 points',
  })
  initiativeMap(@Args() args: InitiativeMapArgs, @Ctx() ctx: AtamekenContext): Promise<InitiativeMapResult> {
    return new InitiativeMapService(ctx).points(args);
  }

  @FieldResolver(() => String, { description: 'Title in the reader\'s language, falling back kk -> ru -> en' })
  title(@Root() row: InitiativeMapRow, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return mapPointTitle(row, lang);
  }
}
