import { Args, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { ComplaintEntity } from '../complaint/complaint.entity';
import { Complaint } from '../complaint/complaint.type';
import { AddComplaintEvidenceArgs } from './complaint-evidence.input';
import { ComplaintEvidenceService } from './complaint-evidence.service';
import { ComplaintEvidence } from './complaint-evidence.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => Complaint)
export class ComplaintEvidenceResolver {
  @Authorized()
  @Mutation(() => Complaint, { description: 'The author adds photos, video or audio while the complaint is open (SUBMITTED, ACCEPTED or IN_PROGRESS)' })
  addComplaintEvidence(@Args() { id, evidence }: AddComplaintEvidenceArgs, @Ctx() ctx: AtamekenContext): Promise<ComplaintEntity> {
    return new ComplaintEvidenceService(ctx).add(id, evidence);
  }

  @FieldResolver(() => [ComplaintEvidence], {
    description: 'Attached files with short-lived download links: for the author, akimat officers of the territory and admins; empty for anyone else',
  })
  evidence(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): Promise<ComplaintEvidence[]> {
    return new ComplaintEvidenceService(ctx).forComplaint(c);
  }

  @FieldResolver(() => Int, { description: 'How many files are attached (public)' })
  evidenceCount(@Root() c: ComplaintEntity, @Ctx() ctx: AtamekenContext): Promise<number> {
    return new ComplaintEvidenceService(ctx).count(c);
  }
}
