import { Territory, type TerritoryNode } from '@rz/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { QrIndicatorsService, type CoverageRow } from '../qr-indicators/qr-indicators.service';
import { QrCoverage } from '../qr-indicators/qr-indicators.type';
import type { RukhaniQazynaContext } from '../context';

@Resolver(() => Territory)
export class TerritoryQrCoverageResolver {
  @FieldResolver(() => QrCoverage, { nullable: true, description: 'Share of monuments in this territory (and below) with an installed QR code' })
  qrCoverage(@Root() territory: TerritoryNode, @Ctx() ctx: RukhaniQazynaContext): Promise<CoverageRow> {
    return new QrIndicatorsService(ctx).coverageOf(territory);
  }
}
