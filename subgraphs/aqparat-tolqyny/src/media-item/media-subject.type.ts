import { createUnionType, Directive, Field, ID, ObjectType } from 'type-graphql';
import { MediaSubjectKind } from './media-item.enums';

/** Owned by atameken; referenced by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Initiative')
export class InitiativeRef {
  @Field(() => ID)
  id: string;
}

/** Owned by rukhani-qazyna; referenced by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Monument')
export class MonumentRef {
  @Field(() => ID)
  id: string;
}

/** Owned by tarbie-bilim; referenced by key only. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Event')
export class EventRef {
  @Field(() => ID)
  id: string;
}

/** Root value of a MediaSubject member. */
export interface MediaSubjectValue {
  kind: MediaSubjectKind;
  id: string;
}

const TYPE_OF_KIND: Record<MediaSubjectKind, string> = {
  [MediaSubjectKind.INITIATIVE]: 'Initiative',
  [MediaSubjectKind.MONUMENT]: 'Monument',
  [MediaSubjectKind.EVENT]: 'Event',
};

export const MediaSubject = createUnionType({
  name: 'MediaSubject',
  description: 'What a media item covers: an initiative, a monument or an event',
  types: () => [InitiativeRef, MonumentRef, EventRef] as const,
  // Root values are MediaSubjectValue rows, not instances of the stub classes.
  resolveType: (value) => TYPE_OF_KIND[(value as unknown as MediaSubjectValue).kind],
});

export function isExposedSubjectKind(kind: string): kind is MediaSubjectKind {
  return kind in TYPE_OF_KIND;
}
