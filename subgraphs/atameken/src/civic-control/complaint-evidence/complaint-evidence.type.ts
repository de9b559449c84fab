import { Field, ObjectType, registerEnumType } from 'type-graphql';

export enum ComplaintEvidenceKind {
  PHOTO = 'photo',
  VIDEO = 'video',
  AUDIO = 'audio',
}

registerEnumType(ComplaintEvidenceKind, { name: 'ComplaintEvidenceKind' });

@ObjectType({ description: 'A photo, video or audio file attached to a complaint' })
export class ComplaintEvidence {
  @Field(() => ComplaintEvidenceKind)
  kind: ComplaintEvidenceKind;

  @Field({ description: 'Download link, a path relative to the gateway origin; it expires after 10 minutes' })
  url: string;

  @Field({ description: 'When the download link stops working' })
  expiresAt: Date;
}
