import { Connection } from '@rz/schema';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { VolunteerHelpKind } from '../volunteer/volunteer.enums';

export enum VolunteerHelpStatus {
  PENDING = 'PENDING',
  CONFIRMED = 'CONFIRMED',
  REJECTED = 'REJECTED',
}

export enum VolunteerHelpDecider {
  HELPED_PERSON = 'HELPED_PERSON',
  AKIMAT_OFFICER = 'AKIMAT_OFFICER',
  ADMIN = 'ADMIN',
}

registerEnumType(VolunteerHelpStatus, {
  name: 'VolunteerHelpStatus',
  valuesConfig: {
    PENDING: { description: 'Waiting for the helped person or an akimat officer' },
    CONFIRMED: { description: 'Counts in the volunteer\'s figures and rankings' },
  },
});
registerEnumType(VolunteerHelpDecider, { name: 'VolunteerHelpDecider', description: 'Who confirmed or rejected a help record' });

/** Root value: VolunteerHelpRecordEntity. The helped person and the decider are never named; decisionNote is withheld from the public. */
@ObjectType({ description: 'A volunteer helped some people on a day, optionally within an initiative' })
export class VolunteerHelpRecord {
  @Field(() => ID)
  id: string;

  @Field({ description: 'YYYY-MM-DD' })
  helpedOn: string;

  @Field(() => Int)
  peopleHelped: number;

  @Field(() => VolunteerHelpKind)
  helpKind: VolunteerHelpKind;

  @Field(() => VolunteerHelpStatus)
  status: VolunteerHelpStatus;

  @Field(() => VolunteerHelpDecider, { nullable: true })
  decidedByRole: VolunteerHelpDecider | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class VolunteerHelpRecordConnection extends Connection(VolunteerHelpRecord) {}
