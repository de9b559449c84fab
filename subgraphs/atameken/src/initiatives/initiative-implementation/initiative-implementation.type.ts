import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum InitiativeParticipantKind {
  PATRON = 'PATRON',
  NGO = 'NGO',
}

registerEnumType(InitiativeParticipantKind, { name: 'InitiativeParticipantKind' });

@ObjectType({ description: 'A patron of an implemented initiative' })
export class InitiativePatron {
  @Field({ description: 'Company, NGO or person named by the akimat in the record' })
  name: string;

  @Field(() => Float, { nullable: true, description: 'Tenge pledged under this name; null when the help was not a pledge' })
  pledged: number | null;
}

/** Root value: the InitiativeEntity itself (implemented); fields live in the resolver. */
@ObjectType({ description: 'What an implemented initiative achieved and who took part' })
export class InitiativeImplementation {
  @Field()
  implementedAt: Date;

  @Field(() => Int, { description: 'People who benefited' })
  peopleServed: number;
}
