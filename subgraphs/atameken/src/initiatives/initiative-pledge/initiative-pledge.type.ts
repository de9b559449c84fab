import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

export enum InitiativePledgeStatus {
  ACTIVE = 'ACTIVE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(InitiativePledgeStatus, {
  name: 'InitiativePledgeStatus',
  valuesConfig: { CANCELLED: { description: 'Withdrawn by the patron before work started' } },
});

/** Root value: InitiativePledgeEntity. A private person is never named. */
@ObjectType({ description: 'A patron\'s pledge towards an initiative\'s estimate' })
export class InitiativePledge {
  @Field(() => ID)
  id: string;

  @Field(() => Float, { description: 'Whole tenge' })
  amount: number;

  @Field(() => String, { nullable: true, description: 'The pledging company or NGO; null for a private person' })
  organisation: string | null;

  @Field(() => InitiativePledgeStatus)
  status: InitiativePledgeStatus;

  @Field()
  createdAt: Date;
}
