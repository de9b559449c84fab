import { PageArgs } from '@rz/schema';
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { ComplaintEntity } from '../complaint/complaint.entity';
import { Complaint } from '../complaint/complaint.type';
import type { ComplaintCommentEntity } from './complaint-comment.entity';
import { CommentOnComplaintInput } from './complaint-comment.input';
import { ComplaintCommentService } from './complaint-comment.service';
import { ComplaintComment, ComplaintCommentConnection } from './complaint-comment.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Complaint)
export class ComplaintCommentsResolver {
  @FieldResolver(() => ComplaintCommentConnection, { description: 'Comments and proposals from citizens, newest first' })
  comments(@Root() c: ComplaintEntity, @Args() page: PageArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintCommentService(ctx).page(c, page);
  }

  @FieldResolver(() => Int)
  commentCount(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return new ComplaintCommentService(ctx).count(c);
  }

  @Authorized()
  @Mutation(() => ComplaintComment, { description: 'Adds a comment or a proposal to a complaint (any signed-in person)' })
  commentOnComplaint(@Arg('input', () => CommentOnComplaintInput) input: CommentOnComplaintInput, @Ctx() ctx: AtamekenContext) {
    return new ComplaintCommentService(ctx).add(input);
  }
}

@Resolver(() => ComplaintComment)
export class ComplaintCommentResolver {
  @FieldResolver(() => Boolean, { description: 'Whether the viewer wrote it' })
  isMine(@Root() comment: ComplaintCommentEntity, @Ctx() ctx: AtamekenContext): boolean {
    return new ComplaintCommentService(ctx).isMine(comment);
  }
}
