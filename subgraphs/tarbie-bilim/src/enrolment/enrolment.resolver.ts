import { Territory, kato, type TerritoryNode } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { SchoolEnrolmentEntity } from './enrolment.entity';
import { SchoolEnrolmentInput } from './enrolment.input';
import { EnrolmentService } from './enrolment.service';
import { SchoolEnrolment } from './enrolment.type';

@Resolver(() => SchoolEnrolment)
export class EnrolmentResolver {
  @Query(() => SchoolEnrolment, { nullable: true, description: 'The enrolment entered for exactly this territory and school year, if any' })
  schoolEnrolment(
    @Arg('territory', () => ID) territory: string,
    @Arg('schoolYear', () => Int) schoolYear: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SchoolEnrolmentEntity | null> {
    return new EnrolmentService(ctx).entered(territory, schoolYear);
  }

  @Authorized()
  @Mutation(() => SchoolEnrolment, { description: 'For akimat officers within their territory, Tarbie-Bilim editors and admins' })
  setSchoolEnrolment(@Arg('input', () => SchoolEnrolmentInput) input: SchoolEnrolmentInput, @Ctx() ctx: SubgraphContext) {
    return new EnrolmentService(ctx).set(input);
  }

  @FieldResolver(() => Territory)
  territory(@Root() e: SchoolEnrolmentEntity): TerritoryNode {
    return kato().require(e.territoryCode);
  }
}
