import { listByKeyLoader } from '@rz/subgraph-runtime';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { actsForAkimat } from '../../access/atameken-access';
import { AkimatOfficerEntity } from '../akimat/akimat-officer.entity';
import { ComplaintActorRole } from './complaint.enums';
import { complaintByIdLoader } from './complaint.loader';
import type { ComplaintStatusChangeEntity } from './complaint-status-change.entity';
import { ComplaintStatusChange } from './complaint.type';
import type { AtamekenContext } from '../../context';

/** The registry rows of each official, by token subject. */
const officerRowsBySubject = listByKeyLoader(AkimatOfficerEntity, 'officerSubject');

@Resolver(() => ComplaintStatusChange)
export class ComplaintHistoryResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description: 'Display name of the akimat official who made the change: for akimat officers of the territory and admins only; null for everyone else',
  })
  async officerName(@Root() change: ComplaintStatusChangeEntity, @Ctx() ctx: AtamekenContext): Promise<string | null> {
    if (change.byRole !== ComplaintActorRole.AKIMAT_OFFICER || !ctx.viewer) return null;
    const complaint = await ctx.loaders.get(complaintByIdLoader).load(change.complaintId);
    if (!complaint || !actsForAkimat(ctx.viewer, complaint.territoryCode)) return null;
    const rows = await ctx.loaders.get(officerRowsBySubject).load(change.bySubject);
    return rows.find((row) => row.displayName)?.displayName ?? null;
  }
}
