import { kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ProjectOfficeContext } from '../context';
import type { DistrictReportEntity } from './district-report.entity';
import { CreateDistrictReportInput, DistrictReportFilter, DistrictReportNarrativeInput } from './district-report.input';
import { DistrictReportService } from './district-report.service';
import { DistrictReport, DistrictReportConnection, LateDistrictReport } from './district-report.type';

@Resolver(() => DistrictReport)
export class DistrictReportResolver {
  @Query(() => DistrictReport, { nullable: true, description: 'A report, for the district\'s akimat officers and its region\'s project office; null for others' })
  districtReport(@Arg('id', () => ID) id: string, @Ctx() ctx: ProjectOfficeContext): Promise<DistrictReportEntity | null> {
    return new DistrictReportService(ctx).visibleById(id);
  }

  @Query(() => DistrictReportConnection, { description: 'Reports the viewer writes or reviews, newest first' })
  districtReports(
    @Arg('filter', () => DistrictReportFilter, { nullable: true }) filter: DistrictReportFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: ProjectOfficeContext,
  ) {
    return new DistrictReportService(ctx).list(filter, page);
  }

  @Authorized(Role.PROJECT_OFFICE)
  @Query(() => [LateDistrictReport], {
    description: 'The region\'s project office: districts whose report for a period already due is not submitted (periods ending from `from`, default the last two months, to today)',
  })
  lateDistricts(
    @Arg('region', () => ID) region: string,
    @Arg('from', () => String, { nullable: true }) from: string | null | undefined,
    @Ctx() ctx: ProjectOfficeContext,
  ) {
    return new DistrictReportService(ctx).lateDistricts(region, from);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => DistrictReport, { description: 'A DRAFT report of a district in the officer\'s scope for a period ending on a second or fourth Friday' })
  createDistrictReport(@Arg('input', () => CreateDistrictReportInput) input: CreateDistrictReportInput, @Ctx() ctx: ProjectOfficeContext) {
    return new DistrictReportService(ctx).create(input);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => DistrictReport, { description: 'Narrative fields of a DRAFT or RETURNED report' })
  updateDistrictReport(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DistrictReportNarrativeInput) input: DistrictReportNarrativeInput,
    @Ctx() ctx: ProjectOfficeContext,
  ) {
    return new DistrictReportService(ctx).update(id, input);
  }

  @Authorized(Role.AKIMAT_OFFICER)
  @Mutation(() => DistrictReport, { description: 'DRAFT or RETURNED -> SUBMITTED; freezes the territory\'s figures for the period as the gateway gives them now' })
  submitDistrictReport(@Arg('id', () => ID) id: string, @Ctx() ctx: ProjectOfficeContext) {
    return new DistrictReportService(ctx).submit(id);
  }

  @Authorized(Role.PROJECT_OFFICE)
  @Mutation(() => DistrictReport, { description: 'The region\'s project office: SUBMITTED -> ACCEPTED, or -> RETURNED with remarks' })
  reviewDistrictReport(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('remarks', () => String, { nullable: true, description: 'Required when returning' }) remarks: string | null | undefined,
    @Ctx() ctx: ProjectOfficeContext,
  ) {
    return new DistrictReportService(ctx).review(id, accept, remarks);
  }

  @FieldResolver(() => Territory)
  territory(@Root() report: DistrictReportEntity): TerritoryNode {
    return kato().require(report.territoryCode);
  }

  @FieldResolver(() => String, { description: 'Due at the project office on the period\'s last day (YYYY-MM-DD)' })
  dueOn(@Root() report: DistrictReportEntity): string {
    return report.periodEnd;
  }

  @FieldResolver(() => Boolean, { description: 'Still DRAFT or RETURNED after its due date (Kazakhstan calendar)' })
  overdue(@Root() report: DistrictReportEntity, @Ctx() ctx: ProjectOfficeContext): boolean {
    return new DistrictReportService(ctx).isOverdue(report);
  }
}
