import { kato, Lang, localizedOf, LocalizedText, PageArgs, pickLocalized, Territory, type TerritoryNode } from '@rz/schema';
import { Role } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { MediaCoverageService } from '../media-coverage/media-coverage.service';
import type { MediaItemEntity } from '../media-item/media-item.entity';
import { MediaSubjectKind } from '../media-item/media-item.enums';
import { MediaPlanItem } from '../media-item/media-item.type';
import type { FaceEntity } from './face.entity';
import { ChangeFaceStatusArgs, FaceFilter, FaceShortlistArgs, NominateFaceInput } from './face.input';
import { FaceService } from './face.service';
import { Face, FaceConnection, FaceProgress, FaceShortlistEntry } from './face.type';
import type { AqparatTolqynyContext } from '../context';

/**
 * "100 new faces". Who does what:
 * - nominate: an akimat officer or the project office whose scope covers the territory, or an NGO;
 *   the public sees the organisation label given, never the account that entered it;
 * - shortlist (NOMINATED -> SHORTLISTED) and decline a nominated or shortlisted face: the akimat
 *   officer of the face's territory or the project office of its region;
 * - select (SHORTLISTED -> SELECTED) and decline a selected face: the project office of the region;
 * - FEATURED: only automatically, in the transaction that publishes a media item covering a SELECTED face;
 * - support: any signed-in resident, once per nomination, while it is NOMINATED or SHORTLISTED;
 *   who supports a face is never shown, only the count (and supportedByMe to the supporter);
 * - a DECLINED face, with its reason, is seen only by those who handle the territory's nominations
 *   (see access/aqparat-tolqyny-access.ts); nominations still in the project are public so residents can support them;
 * admins may take every manual step.
 */
@Resolver(() => Face)
export class FaceResolver {
  @Query(() => Face, {
    nullable: true,
    description: 'A face; a DECLINED one only for the officers and project office of its territory, the ministry and admins',
  })
  face(@Arg('id', () => ID) id: string, @Ctx() ctx: AqparatTolqynyContext): Promise<FaceEntity | null> {
    return new FaceService(ctx).visibleById(id);
  }

  @Query(() => FaceConnection, {
    description:
      'Faces, newest nomination first, filtered by territory (with its subtree), status or sphere. DECLINED faces are listed only for those who see them in face.',
  })
  faces(
    @Arg('filter', () => FaceFilter, { nullable: true }) filter: FaceFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AqparatTolqynyContext,
  ) {
    return new FaceService(ctx).list(filter, page);
  }

  @Query(() => [FaceShortlistEntry], {
    description: 'Nominations (NOMINATED and SHORTLISTED) of a territory and below, ranked by residents\' support; ties go to the earlier nomination',
  })
  faceShortlist(@Args() args: FaceShortlistArgs, @Ctx() ctx: AqparatTolqynyContext) {
    return new FaceService(ctx).shortlist(args);
  }

  @Query(() => FaceProgress, { description: 'Selected and featured faces per region against the republic\'s target of 100' })
  faceProgress(@Ctx() ctx: AqparatTolqynyContext): Promise<FaceProgress> {
    return new FaceService(ctx).progress();
  }

  @Authorized(Role.AKIMAT_OFFICER, Role.PROJECT_OFFICE, Role.NGO)
  @Mutation(() => Face, { description: 'Nominates a person after discussion with residents, NGOs and business; starts NOMINATED' })
  nominateFace(@Arg('input', () => NominateFaceInput) input: NominateFaceInput, @Ctx() ctx: AqparatTolqynyContext) {
    return new FaceService(ctx).nominate(input);
  }

  @Authorized(Role.AKIMAT_OFFICER, Role.PROJECT_OFFICE)
  @Mutation(() => Face, { description: 'Shortlists, selects or declines a face (see FaceStatus); FEATURED follows publication' })
  changeFaceStatus(@Args() args: ChangeFaceStatusArgs, @Ctx() ctx: AqparatTolqynyContext) {
    return new FaceService(ctx).changeStatus(args);
  }

  @Authorized()
  @Mutation(() => Face, { description: 'The signed-in resident supports a nomination; once per person' })
  supportFace(@Arg('id', () => ID) id: string, @Ctx() ctx: AqparatTolqynyContext) {
    return new FaceService(ctx).support(id);
  }

  @Authorized()
  @Mutation(() => Face, { description: 'Takes back the signed-in resident\'s support while the nomination is discussed' })
  withdrawFaceSupport(@Arg('id', () => ID) id: string, @Ctx() ctx: AqparatTolqynyContext) {
    return new FaceService(ctx).withdrawSupport(id);
  }

  @FieldResolver(() => Territory)
  territory(@Root() face: FaceEntity): TerritoryNode {
    return kato().require(face.territoryCode);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Story in the reader\'s language, falling back kk -> ru -> en' })
  story(@Root() face: FaceEntity, @Arg('lang', () => Lang, { defaultValue: Lang.KK }) lang: Lang): string | null {
    return pickLocalized(localizedOf(face, 'story'), lang);
  }

  @FieldResolver(() => LocalizedText)
  storyTexts(@Root() face: FaceEntity): LocalizedText {
    return localizedOf(face, 'story');
  }

  @FieldResolver(() => Int, { description: 'Residents supporting the nomination' })
  supportCount(@Root() face: FaceEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<number> {
    return new FaceService(ctx).supportCount(face);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the signed-in viewer supports the nomination' })
  supportedByMe(@Root() face: FaceEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<boolean> {
    return new FaceService(ctx).supportedByViewer(face);
  }

  @FieldResolver(() => Int, { description: 'Published media items covering the face in the last 12 months' })
  mediaMentions(@Root() face: FaceEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<number> {
    return new FaceService(ctx).mediaMentions(face);
  }

  @FieldResolver(() => Boolean, {
    description: 'Covered by more published items in the last 12 months than the configured limit (NEW_FACE_MEDIA_LIMIT): not a new face',
  })
  alreadyInMedia(@Root() face: FaceEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<boolean> {
    return new FaceService(ctx).isAlreadyInMedia(face);
  }

  @FieldResolver(() => [MediaPlanItem], { description: 'Published media items about the face, newest first' })
  mediaCoverage(@Root() face: FaceEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaItemEntity[]> {
    return new MediaCoverageService(ctx).publishedAbout(MediaSubjectKind.FACE, face.id);
  }

  @FieldResolver(() => MediaPlanItem, { nullable: true, description: 'The published item that featured the face' })
  featuredItem(@Root() face: FaceEntity, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaItemEntity | null> {
    return new MediaCoverageService(ctx).itemById(face.featuredItemId);
  }
}
