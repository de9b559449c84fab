import type { MediaItemEntity } from '../media-item/media-item.entity';
import type { MediaSubjectKind } from '../media-item/media-item.enums';
import { mediaItemByIdLoader, publishedItemsBySubjectLoader } from './media-coverage.loader';
import type { AqparatTolqynyContext } from '../context';

export class MediaCoverageService {
  constructor(private readonly ctx: AqparatTolqynyContext) {}

  /** PUBLISHED items covering the subject, newest publication first. */
  publishedAbout(kind: MediaSubjectKind, subjectId: string): Promise<MediaItemEntity[]> {
    return this.ctx.loaders.get(publishedItemsBySubjectLoader[kind]).load(subjectId);
  }

  async itemById(id: string | null): Promise<MediaItemEntity | null> {
    return id ? this.ctx.loaders.get(mediaItemByIdLoader).load(id) : null;
  }
}
