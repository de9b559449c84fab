import { Connection } from '@rz/schema';
import { Directive, Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';

/** Root value: LocalHistoryClubEntity; computed fields live in ClubResolver. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A local history (olketanu) club or circle at a school' })
export class LocalHistoryClub {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field({ description: 'The school the club works at' })
  school: string;

  @Field({ description: 'The teacher leading the club' })
  leader: string;

  @Field(() => Int, { nullable: true })
  foundedYear: number | null;

  @Field(() => GraphQLISODateTime)
  createdAt: Date;
}

/** Root value: LocalHistoryClubMembersEntity. */
@ObjectType({ description: 'Members of a club in one school year' })
export class LocalHistoryClubMembers {
  @Field(() => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' })
  schoolYear: number;

  @Field(() => Int)
  members: number;
}

@ObjectType()
export class LocalHistoryClubConnection extends Connection(LocalHistoryClub) {}
