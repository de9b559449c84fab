import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EDITOR_ROLES } from '../access/rukhani-qazyna-access';
import type { MonumentEntity } from '../monument/monument.entity';
import { MonumentService } from '../monument/monument.service';
import { Monument } from '../monument/monument.type';
import { qrCodeUrl, qrImageUrl } from '../public-links/public-links';
import { QrCodeStatus } from './qr-code.enums';
import type { QrCodeEntity } from './qr-code.entity';
import { MarkQrCodeInstalledInput } from './qr-code.input';
import { QrCodeService } from './qr-code.service';
import { QrCode } from './qr-code.type';
import type { RukhaniQazynaContext } from '../context';

@Resolver(() => QrCode)
export class QrCodeResolver {
  @Query(() => QrCode, { nullable: true, description: 'A QR code by its short code (case-insensitive); one not yet installed only for those who place it' })
  qrCode(@Arg('code', () => String) code: string, @Ctx() ctx: RukhaniQazynaContext): Promise<QrCodeEntity | null> {
    return new QrCodeService(ctx).byCode(code);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => QrCode, { description: 'Issues a new QR code for a monument (Rukhani Qazyna editors, or akimat officers for monuments in their territory)' })
  issueQrCode(@Arg('monumentId', () => ID) monumentId: string, @Ctx() ctx: RukhaniQazynaContext): Promise<QrCodeEntity> {
    return new QrCodeService(ctx).issue(monumentId);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => QrCode, { description: 'Records that a QR code was placed on site: ISSUED or REMOVED -> INSTALLED' })
  markQrCodeInstalled(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => MarkQrCodeInstalledInput) input: MarkQrCodeInstalledInput,
    @Ctx() ctx: RukhaniQazynaContext,
  ): Promise<QrCodeEntity> {
    return new QrCodeService(ctx).markInstalled(id, input);
  }

  @Authorized(...EDITOR_ROLES)
  @Mutation(() => QrCode, { description: 'Records that a QR code was taken down: INSTALLED -> REMOVED; its link keeps working' })
  markQrCodeRemoved(@Arg('id', () => ID) id: string, @Ctx() ctx: RukhaniQazynaContext): Promise<QrCodeEntity> {
    return new QrCodeService(ctx).markRemoved(id);
  }

  @FieldResolver(() => Boolean, { description: 'Placed on site and not removed' })
  installed(@Root() qr: QrCodeEntity): boolean {
    return qr.status === QrCodeStatus.INSTALLED;
  }

  @FieldResolver(() => String, { description: 'The address the code encodes: <public base URL>/q/<code>' })
  url(@Root() qr: QrCodeEntity, @Ctx() ctx: RukhaniQazynaContext): string {
    return qrCodeUrl(ctx.config.PUBLIC_BASE_URL, qr.code);
  }

  @FieldResolver(() => String, { description: 'Printable SVG image of the code' })
  svgUrl(@Root() qr: QrCodeEntity, @Ctx() ctx: RukhaniQazynaContext): string {
    return qrImageUrl(ctx.config.PUBLIC_BASE_URL, qr.code, 'svg');
  }

  @FieldResolver(() => String, { description: 'PNG image of the code; add ?size=<pixels> (128 to 2048)' })
  pngUrl(@Root() qr: QrCodeEntity, @Ctx() ctx: RukhaniQazynaContext): string {
    return qrImageUrl(ctx.config.PUBLIC_BASE_URL, qr.code, 'png');
  }

  @FieldResolver(() => Monument)
  async monument(@Root() qr: QrCodeEntity, @Ctx() ctx: RukhaniQazynaContext): Promise<MonumentEntity> {
    return (await new MonumentService(ctx).byId(qr.monumentId))!;
  }

  @FieldResolver(() => Int, { description: 'Scans by people so far (automated clients not counted)' })
  scanCount(@Root() qr: QrCodeEntity, @Ctx() ctx: RukhaniQazynaContext): Promise<number> {
    return new QrCodeService(ctx).scanCount(qr);
  }
}

@Resolver(() => Monument)
export class MonumentQrCodesResolver {
  @FieldResolver(() => [QrCode], { description: 'QR codes of this monument, oldest first; codes not yet installed only for those who place them' })
  qrCodes(@Root() monument: MonumentEntity, @Ctx() ctx: RukhaniQazynaContext): Promise<QrCodeEntity[]> {
    return new QrCodeService(ctx).forMonument(monument);
  }
}
