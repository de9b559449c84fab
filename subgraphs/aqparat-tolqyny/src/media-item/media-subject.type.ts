import { entityRef } from '@rz/schema';
import { createUnionType } from 'type-graphql';
import type { FaceEntity } from '../face/face.entity';
import { Face } from '../face/face.type';
import { MediaSubjectKind } from './media-item.enums';

/*
 * Entities of the other subgraphs, by key. They are resolvable here (a reference
 * resolves to `{ id }`) because this subgraph adds `mediaCoverage` to each of them.
 */

/** Owned by atameken. */
export const InitiativeRef = entityRef('Initiative');

/** Owned by rukhani-qazyna. */
export const MonumentRef = entityRef('Monument');

/** Owned by tarbie-bilim. */
export const EventRef = entityRef('Event');

/** Root value of an Initiative, Monument or Event member: the key and what it is. */
export interface ExternalSubjectValue {
  kind: Exclude<MediaSubjectKind, MediaSubjectKind.FACE>;
  id: string;
}

/** Root value of a MediaSubject member: a key of another subgraph's record, or a face row. */
export type MediaSubjectValue = ExternalSubjectValue | FaceEntity;

const TYPE_OF_KIND: Record<ExternalSubjectValue['kind'], string> = {
  [MediaSubjectKind.INITIATIVE]: 'Initiative',
  [MediaSubjectKind.MONUMENT]: 'Monument',
  [MediaSubjectKind.EVENT]: 'Event',
};

export const MediaSubject = createUnionType({
  name: 'MediaSubject',
  description: 'What a media item covers: an initiative, a monument, an event or a face of "100 new faces"',
  types: () => [InitiativeRef, MonumentRef, EventRef, Face] as const,
  // Root values are plain keys or face rows, not instances of the classes above.
  resolveType: (value) => {
    const subject = value as unknown as MediaSubjectValue;
    return 'kind' in subject ? TYPE_OF_KIND[subject.kind] : 'Face';
  },
});

