import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GeoPoint } from '../geo/geo';
import { LocalizedText } from '../localized/localized-text';
import { TerritoryLevel } from './kato-classifier';

registerEnumType(TerritoryLevel, { name: 'TerritoryLevel', description: 'Level of a unit in the KATO classifier' });

@ObjectType({ description: 'Administrative centre of a region' })
export class AdministrativeCentre {
  @Directive('@shareable')
  @Field(() => ID, { description: 'KATO code of the centre' })
  code: string;

  @Directive('@shareable')
  @Field(() => LocalizedText)
  names: LocalizedText;

  @Directive('@shareable')
  @Field(() => GeoPoint)
  location: GeoPoint;
}

/**
 * A unit of the KATO classifier. Every subgraph resolves the core fields from the
 * shipped classifier and adds its own fields (monuments, initiatives, ...).
 * The root value of this type is a TerritoryNode.
 */
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A unit of the KATO administrative-territorial classifier' })
export class Territory {
  @Directive('@shareable')
  @Field(() => ID, { description: '9-digit KATO code' })
  code: string;

  @Directive('@shareable')
  @Field(() => TerritoryLevel)
  level: TerritoryLevel;

  @Directive('@shareable')
  @Field(() => LocalizedText, { description: 'Official names; English only for regions' })
  names: LocalizedText;
}
