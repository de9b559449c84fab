import { Connection } from '@rz/schema';
import { Field, ID, ObjectType } from 'type-graphql';

/** Root value: AkimatOfficerEntity. Only admins can read these. */
@ObjectType({ description: 'An akimat officer registered for a territory; complaints are routed to the nearest staffed akimat' })
export class AkimatOfficer {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Token subject of the official' })
  officerSubject: string;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class AkimatOfficerConnection extends Connection(AkimatOfficer) {}
