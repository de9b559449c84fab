import { MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { ComplaintCommentKind } from './complaint-comment.type';

export const COMMENT_TEXT_MAX = 2000;

@InputType()
export class CommentOnComplaintInput {
  @Field(() => ID)
  complaint: string;

  @Field(() => ComplaintCommentKind, { defaultValue: ComplaintCommentKind.COMMENT })
  kind: ComplaintCommentKind;

  @Field({ description: `1 to ${COMMENT_TEXT_MAX} characters` })
  @MinLength(1)
  @MaxLength(COMMENT_TEXT_MAX)
  text: string;
}
