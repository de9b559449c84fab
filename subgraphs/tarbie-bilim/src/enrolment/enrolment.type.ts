import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';

/** Root value: SchoolEnrolmentEntity. */
@ObjectType({ description: 'Students enrolled in the schools of a territory in one school year' })
export class SchoolEnrolment {
  @Field(() => Int, { description: 'The year the school year starts in: 2026 is 2026-2027' })
  schoolYear: number;

  @Field(() => Int)
  students: number;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;
}
