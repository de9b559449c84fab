import { IsCalendarDay, Lang, Territory } from '@rz/schema';
import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Monument } from '../monument/monument.type';
import { QrScanDevice } from '../qr-code/qr-code.enums';

@InputType({ description: 'Calendar days in Kazakhstan time (UTC+5), both included' })
export class QrScanPeriodInput {
  @Field(() => String, { description: 'First day, YYYY-MM-DD' })
  @IsCalendarDay()
  from: string;

  @Field(() => String, { description: 'Last day, YYYY-MM-DD' })
  @IsCalendarDay()
  to: string;
}

@ObjectType({ description: 'Share of monuments with an installed QR code, for a territory or the republic' })
export class QrCoverage {
  @Field(() => Territory, { nullable: true, description: 'Null for the whole republic' })
  territory: unknown;

  @Field(() => Int, { description: 'Monuments in the register' })
  monuments: number;

  @Field(() => Int, { description: 'Monuments with at least one installed QR code' })
  monumentsWithInstalledQr: number;

  @Field(() => Float, { nullable: true, description: 'monumentsWithInstalledQr / monuments, 0 to 1; null when there are no monuments' })
  share: number | null;
}

@ObjectType()
export class QrCoverageReport {
  @Field(() => QrCoverage)
  republic: QrCoverage;

  @Field(() => [QrCoverage], { description: 'The 20 regions, in classifier order' })
  regions: QrCoverage[];
}

@ObjectType()
export class QrScanDayCount {
  @Field(() => String, { description: 'YYYY-MM-DD in Kazakhstan time' })
  day: string;

  @Field(() => Int)
  scans: number;
}

@ObjectType()
export class QrScanLanguageCount {
  @Field(() => Lang, { description: 'Language the reader was sent to' })
  lang: Lang;

  @Field(() => Int)
  scans: number;
}

@ObjectType()
export class QrScanDeviceCount {
  @Field(() => QrScanDevice)
  device: QrScanDevice;

  @Field(() => Int)
  scans: number;
}

@ObjectType({ description: 'A monument and its scans in the period' })
export class MonumentScanCount {
  @Field(() => Int, { description: '1 for the most scanned' })
  rank: number;

  @Field(() => Monument)
  monument: unknown;

  @Field(() => Int)
  scans: number;
}

/** Root value: QrScanScope; every figure is a field resolver. */
@ObjectType({ description: 'QR scan indicators for a period. Scans by automated clients (BOT) are left out of every figure except byDevice' })
export class QrScanIndicators {
  @Field(() => String) from: string;
  @Field(() => String) to: string;
}
