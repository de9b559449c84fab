import { Arg, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { GeoPoint } from '../geo/geo';
import { Lang } from '../localized/lang.enum';
import { pickLocalized } from '../localized/localized-text';
import { AdministrativeCentre, Territory } from './territory.type';
import { kato, TerritoryLevel, type TerritoryNode } from './kato-classifier';

/** Core Territory fields and lookups, identical in every subgraph (hence @shareable). */
@Resolver(() => Territory)
export class TerritoryResolver {
  @Directive('@shareable')
  @Query(() => Territory, { description: 'A territory by KATO code; an unknown code is a BAD_USER_INPUT error' })
  territory(@Arg('code', () => ID) code: string): TerritoryNode {
    return kato().require(code, 'code');
  }

  @Directive('@shareable')
  @Query(() => [Territory], { description: 'The 17 regions and 3 cities of republican significance' })
  regions(): TerritoryNode[] {
    return kato().regions;
  }

  @Directive('@shareable')
  @FieldResolver(() => String, { description: 'Name in the reader\'s language, falling back kk -> ru -> en' })
  name(@Root() territory: TerritoryNode, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string {
    return pickLocalized(territory.names, lang)!;
  }

  @Directive('@shareable')
  @FieldResolver(() => Territory, { nullable: true })
  parent(@Root() territory: TerritoryNode): TerritoryNode | undefined {
    return territory.parentCode ? kato().find(territory.parentCode) : undefined;
  }

  @Directive('@shareable')
  @FieldResolver(() => [Territory], { description: 'Units directly below this one' })
  children(
    @Root() territory: TerritoryNode,
    @Arg('level', () => TerritoryLevel, { nullable: true }) level?: TerritoryLevel,
  ): TerritoryNode[] {
    const children = kato().children(territory.code);
    return level ? children.filter((c) => c.level === level) : children;
  }

  @Directive('@shareable')
  @FieldResolver(() => Territory, { description: 'The region this unit belongs to (itself for a region)' })
  region(@Root() territory: TerritoryNode): TerritoryNode {
    return kato().region(territory.code);
  }

  @Directive('@shareable')
  @FieldResolver(() => AdministrativeCentre, { nullable: true, description: 'Administrative centre, for regions' })
  centre(@Root() territory: TerritoryNode): AdministrativeCentre | null {
    if (!territory.centre) return null;
    const { code, names, lat, lon } = territory.centre;
    return { code, names, location: Object.assign(new GeoPoint(), { lat, lon }) };
  }
}

/** Federation reference resolver: any subgraph can be asked for a Territory by code. */
export const territoryReferenceResolver = {
  Territory: {
    __resolveReference(reference: { code: string }): TerritoryNode {
      return kato().require(reference.code, 'code');
    },
  },
};
