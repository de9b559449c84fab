import type { EntityKey } from '@rz/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MediaItemEntity } from '../media-item/media-item.entity';
import { MediaSubjectKind } from '../media-item/media-item.enums';
import { MediaPlanItem } from '../media-item/media-item.type';
import { EventRef, InitiativeRef, MonumentRef } from '../media-item/media-subject.type';
import { MediaCoverageService } from './media-coverage.service';
import type { AqparatTolqynyContext } from '../context';

const DESCRIPTION = 'Published media items about it, newest publication first';

/** `mediaCoverage` on the initiatives of atameken. */
@Resolver(() => InitiativeRef)
export class InitiativeMediaCoverageResolver {
  @FieldResolver(() => [MediaPlanItem], { nullable: true, description: DESCRIPTION })
  mediaCoverage(@Root() initiative: EntityKey, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaItemEntity[]> {
    return new MediaCoverageService(ctx).publishedAbout(MediaSubjectKind.INITIATIVE, initiative.id);
  }
}

/** `mediaCoverage` on the monuments of rukhani-qazyna. */
@Resolver(() => MonumentRef)
export class MonumentMediaCoverageResolver {
  @FieldResolver(() => [MediaPlanItem], { nullable: true, description: DESCRIPTION })
  mediaCoverage(@Root() monument: EntityKey, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaItemEntity[]> {
    return new MediaCoverageService(ctx).publishedAbout(MediaSubjectKind.MONUMENT, monument.id);
  }
}

/** `mediaCoverage` on the events of tarbie-bilim. */
@Resolver(() => EventRef)
export class EventMediaCoverageResolver {
  @FieldResolver(() => [MediaPlanItem], { nullable: true, description: DESCRIPTION })
  mediaCoverage(@Root() event: EntityKey, @Ctx() ctx: AqparatTolqynyContext): Promise<MediaItemEntity[]> {
    return new MediaCoverageService(ctx).publishedAbout(MediaSubjectKind.EVENT, event.id);
  }
}
