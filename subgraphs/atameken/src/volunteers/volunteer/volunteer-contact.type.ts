import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Contact details of one volunteer, released to a verified identity and recorded in the audit trail' })
export class VolunteerContact {
  @Field(() => ID)
  volunteerId: string;

  @Field()
  name: string;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  email: string | null;
}
