import { Connection } from '@rz/schema';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { ComplaintActorRole } from '../complaint/complaint.enums';

export enum ComplaintCommentKind {
  COMMENT = 'COMMENT',
  PROPOSAL = 'PROPOSAL',
}

registerEnumType(ComplaintCommentKind, {
  name: 'ComplaintCommentKind',
  valuesConfig: { PROPOSAL: { description: 'An idea or offer of how to solve the problem' } },
});

/** Root value: ComplaintCommentEntity. The author is personal data and has no field. */
@ObjectType({ description: 'A comment or proposal on a complaint' })
export class ComplaintComment {
  @Field(() => ID)
  id: string;

  @Field(() => ComplaintCommentKind)
  kind: ComplaintCommentKind;

  @Field()
  text: string;

  @Field(() => ComplaintActorRole, { description: 'Role the author wrote in' })
  byRole: ComplaintActorRole;

  @Field()
  createdAt: Date;
}

@ObjectType()
export class ComplaintCommentConnection extends Connection(ComplaintComment) {}
