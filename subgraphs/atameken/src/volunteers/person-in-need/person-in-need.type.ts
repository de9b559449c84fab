import { Connection } from '@rz/schema';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { VolunteerHelpKind } from '../volunteer/volunteer.enums';

export enum PersonInNeedStatus {
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
}

registerEnumType(PersonInNeedStatus, {
  name: 'PersonInNeedStatus',
  valuesConfig: { CLOSED: { description: 'No longer needs help, or taken off the map' } },
});

/** Root value: PersonInNeedEntity. Anonymous: no name, contact, address or note. */
@ObjectType({ description: 'An anonymous entry on the map of people in need of help' })
export class PersonInNeed {
  @Field(() => ID)
  id: string;

  @Field(() => [VolunteerHelpKind])
  needs: VolunteerHelpKind[];

  @Field(() => PersonInNeedStatus)
  status: PersonInNeedStatus;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class PersonInNeedConnection extends Connection(PersonInNeed) {}

@ObjectType({ description: 'Contact details of one person in need, released to a verified identity and recorded in the audit trail' })
export class PersonInNeedContact {
  @Field(() => ID)
  personInNeedId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'What the person needs, in their words' })
  note: string | null;
}
