import { Role } from '@rz/subgraph-runtime';
import { Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { SetComplaintTopicDeadlineArgs } from './complaint-deadline.input';
import { ComplaintDeadlineService } from './complaint-deadline.service';
import { ComplaintTopicDeadline } from './complaint-deadline.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => ComplaintTopicDeadline)
export class ComplaintDeadlineResolver {
  @Query(() => [ComplaintTopicDeadline], { description: 'The deadline of every complaint topic' })
  complaintTopicDeadlines(@Ctx() ctx: AtamekenContext) {
    return new ComplaintDeadlineService(ctx).all();
  }

  // Refuses non-admins before validating workingDays; the service checks the role again.
  @Authorized(Role.ADMIN)
  @Mutation(() => ComplaintTopicDeadline, { description: 'Sets the deadline of a topic for complaints filed from now on (admins only)' })
  setComplaintTopicDeadline(@Args() args: SetComplaintTopicDeadlineArgs, @Ctx() ctx: AtamekenContext) {
    return new ComplaintDeadlineService(ctx).set(args);
  }
}
