import type { Lang } from '@rz/schema';
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { QrScanDevice } from '../qr-code/qr-code.enums';
import {
  MonumentScanCount,
  QrCoverageReport,
  QrScanDayCount,
  QrScanDeviceCount,
  QrScanIndicators,
  QrScanLanguageCount,
  QrScanPeriodInput,
} from './qr-indicators.type';
import { QrIndicatorsService, TOP_MONUMENTS_MAX, type CoverageRow, type QrScanScope } from './qr-indicators.service';
import type { RukhaniQazynaContext } from '../context';

@Resolver(() => QrScanIndicators)
export class QrIndicatorsResolver {
  @Query(() => QrCoverageReport, { description: 'Share of monuments with an installed QR code, for the republic and per region' })
  qrCoverage(@Ctx() ctx: RukhaniQazynaContext): Promise<{ republic: CoverageRow; regions: CoverageRow[] }> {
    return new QrIndicatorsService(ctx).coverageReport();
  }

  @Query(() => QrScanIndicators, { description: 'QR scans in a period, optionally for a territory (with its subtree) or one monument' })
  qrScanIndicators(
    @Arg('period', () => QrScanPeriodInput) period: QrScanPeriodInput,
    @Arg('territory', () => ID, { nullable: true, description: 'KATO code' }) territory: string | undefined,
    @Arg('monumentId', () => ID, { nullable: true }) monumentId: string | undefined,
    @Ctx() ctx: RukhaniQazynaContext,
  ): QrScanScope {
    return new QrIndicatorsService(ctx).scope(period, territory, monumentId);
  }

  @FieldResolver(() => Int, { description: 'Scans by people in the period' })
  scans(@Root() scope: QrScanScope, @Ctx() ctx: RukhaniQazynaContext): Promise<number> {
    return new QrIndicatorsService(ctx).total(scope);
  }

  @FieldResolver(() => [QrScanDayCount], { description: 'Every day of the period, in order, zeros included' })
  byDay(@Root() scope: QrScanScope, @Ctx() ctx: RukhaniQazynaContext): Promise<{ day: string; scans: number }[]> {
    return new QrIndicatorsService(ctx).byDay(scope);
  }

  @FieldResolver(() => [QrScanLanguageCount], { description: 'Scans per language the reader was sent to (kk, ru, en)' })
  byLanguage(@Root() scope: QrScanScope, @Ctx() ctx: RukhaniQazynaContext): Promise<{ lang: Lang; scans: number }[]> {
    return new QrIndicatorsService(ctx).byLanguage(scope);
  }

  @FieldResolver(() => [QrScanDeviceCount], { description: 'Scans per device class, automated clients (BOT) included' })
  byDevice(@Root() scope: QrScanScope, @Ctx() ctx: RukhaniQazynaContext): Promise<{ device: QrScanDevice; scans: number }[]> {
    return new QrIndicatorsService(ctx).byDevice(scope);
  }

  @FieldResolver(() => [MonumentScanCount], { description: `Most scanned monuments (TOP-25 by default, at most ${TOP_MONUMENTS_MAX})` })
  topMonuments(
    @Root() scope: QrScanScope,
    @Arg('first', () => Int, { defaultValue: 25, description: `1 to ${TOP_MONUMENTS_MAX}` }) first: number,
    @Ctx() ctx: RukhaniQazynaContext,
  ) {
    return new QrIndicatorsService(ctx).topMonuments(scope, first);
  }
}
