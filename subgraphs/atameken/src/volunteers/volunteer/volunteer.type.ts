import { Connection } from '@rz/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { VolunteerHelpKind, VolunteerWeekday } from './volunteer.enums';

/**
 * Root value: VolunteerEntity. The public profile is anonymous: no name, no contact,
 * no account. Contacts are released by revealVolunteerContact only.
 */
@ObjectType({ description: 'An anonymous volunteer profile in the volunteer corps' })
export class Volunteer {
  @Field(() => ID)
  id: string;

  @Field(() => [VolunteerHelpKind])
  helpKinds: VolunteerHelpKind[];

  @Field(() => [VolunteerWeekday], { description: 'Days of the week the volunteer is available' })
  availableDays: VolunteerWeekday[];

  @Field()
  hasCar: boolean;

  @Field({ description: 'Registered since' })
  createdAt: Date;
}

@ObjectType()
export class VolunteerConnection extends Connection(Volunteer) {}
