import { Connection } from '@rz/schema';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum PersonalDataRecordKind {
  VOLUNTEER = 'VOLUNTEER',
  PERSON_IN_NEED = 'PERSON_IN_NEED',
}

registerEnumType(PersonalDataRecordKind, { name: 'PersonalDataRecordKind', description: 'Whose contact details were released' });

/** Root value: PersonalDataReleaseEntity. Only admins read the trail. */
@ObjectType({ description: 'An audit row: who received whose contact details, when and why' })
export class PersonalDataRelease {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Token subject of the verified person who received the details' })
  viewerSubject: string;

  @Field(() => PersonalDataRecordKind)
  recordKind: PersonalDataRecordKind;

  @Field(() => ID, { description: 'The volunteer or person in need' })
  recordId: string;

  @Field()
  reason: string;

  @Field()
  releasedAt: Date;
}

@ObjectType()
export class PersonalDataReleaseConnection extends Connection(PersonalDataRelease) {}
