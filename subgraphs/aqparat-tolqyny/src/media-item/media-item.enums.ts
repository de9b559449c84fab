import { registerEnumType } from 'type-graphql';

export enum MediaChannel {
  TV = 'TV',
  RADIO = 'RADIO',
  PRINT = 'PRINT',
  ONLINE = 'ONLINE',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
}

export enum MediaLevel {
  REPUBLICAN = 'REPUBLICAN',
  REGIONAL = 'REGIONAL',
}

export enum MediaItemStatus {
  PLANNED = 'PLANNED',
  PUBLISHED = 'PUBLISHED',
  CANCELLED = 'CANCELLED',
}

/** What an item covers: a record of another subgraph, or a face of "100 new faces". */
export enum MediaSubjectKind {
  INITIATIVE = 'INITIATIVE',
  MONUMENT = 'MONUMENT',
  EVENT = 'EVENT',
  FACE = 'FACE',
}

registerEnumType(MediaChannel, { name: 'MediaChannel' });
registerEnumType(MediaLevel, { name: 'MediaLevel', description: 'Republican or regional outlet' });
registerEnumType(MediaItemStatus, { name: 'MediaItemStatus' });
registerEnumType(MediaSubjectKind, { name: 'MediaSubjectKind', description: 'Kind of record a media item covers' });
