import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { ProjectOfficeContext } from '../context';
import { ProgrammeReportService } from './programme-report.service';
import { ProgrammeReport } from './programme-report.type';

@Resolver()
export class ProgrammeReportResolver {
  @Query(() => ProgrammeReport, {
    description:
      'The four subprogrammes\' figures for a territory and one period (YYYY-MM-DD, Kazakhstan calendar), the previous period of equal length, and each unit directly below. Public figures only, as the gateway gives them to anyone.',
  })
  programmeReport(
    @Arg('territory', () => ID) territory: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() ctx: ProjectOfficeContext,
  ): Promise<ProgrammeReport> {
    return new ProgrammeReportService(ctx).report(territory, from, to);
  }
}
