import { kato, PageArgs, Territory, type TerritoryNode } from '@rz/schema';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '@rz/subgraph-runtime';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { InitiativeEntity } from '../../initiatives/initiative/initiative.entity';
import { InitiativeService } from '../../initiatives/initiative/initiative.service';
import { Initiative } from '../../initiatives/initiative/initiative.type';
import type { VolunteerEntity } from '../volunteer/volunteer.entity';
import { VolunteerService } from '../volunteer/volunteer.service';
import { Volunteer } from '../volunteer/volunteer.type';
import type { VolunteerHelpRecordEntity } from './volunteer-help.entity';
import { RecordVolunteerHelpInput, RejectVolunteerHelpArgs, VolunteerHelpFilter } from './volunteer-help.input';
import { VolunteerHelpService } from './volunteer-help.service';
import { VolunteerHelpRecord, VolunteerHelpRecordConnection } from './volunteer-help.type';
import type { AtamekenContext } from '../../context';

@Resolver(() => VolunteerHelpRecord)
export class VolunteerHelpResolver {
  @Query(() => VolunteerHelpRecordConnection, { description: 'Help records, newest first' })
  volunteerHelpRecords(
    @Arg('filter', () => VolunteerHelpFilter, { nullable: true }) filter: VolunteerHelpFilter | null | undefined,
    @Args() page: PageArgs,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new VolunteerHelpService(ctx).list(filter, page);
  }

  @Authorized()
  @Mutation(() => VolunteerHelpRecord, { description: 'A registered volunteer records help they gave; it counts once confirmed' })
  recordVolunteerHelp(
    @Arg('input', () => RecordVolunteerHelpInput) input: RecordVolunteerHelpInput,
    @Arg('idempotencyKey', () => String, { nullable: true, description: IDEMPOTENCY_KEY_DESCRIPTION }) idempotencyKey: string | null | undefined,
    @Ctx() ctx: AtamekenContext,
  ) {
    return new VolunteerHelpService(ctx).record(input, idempotencyKey);
  }

  @Authorized()
  @Mutation(() => VolunteerHelpRecord, { description: 'The helped person or an akimat officer of the territory confirms a PENDING record' })
  confirmVolunteerHelp(@Arg('id', () => ID) id: string, @Ctx() ctx: AtamekenContext) {
    return new VolunteerHelpService(ctx).confirm(id);
  }

  @Authorized()
  @Mutation(() => VolunteerHelpRecord, { description: 'The helped person or an akimat officer of the territory rejects a PENDING record, with a reason' })
  rejectVolunteerHelp(@Args() args: RejectVolunteerHelpArgs, @Ctx() ctx: AtamekenContext) {
    return new VolunteerHelpService(ctx).reject(args);
  }

  @FieldResolver(() => String, {
    name: 'decisionNote',
    nullable: true,
    description: 'Why it was rejected: shown to the volunteer, whoever decided, admins and akimat officers of the territory; null for others',
  })
  decisionNoteField(@Root() h: VolunteerHelpRecordEntity, @Ctx() ctx: AtamekenContext): Promise<string | null> {
    return new VolunteerHelpService(ctx).decisionNote(h);
  }

  @FieldResolver(() => Territory)
  territory(@Root() h: VolunteerHelpRecordEntity): TerritoryNode {
    return kato().require(h.territoryCode);
  }

  @FieldResolver(() => Volunteer)
  async volunteer(@Root() h: VolunteerHelpRecordEntity, @Ctx() ctx: AtamekenContext): Promise<VolunteerEntity> {
    return (await new VolunteerService(ctx).byId(h.volunteerId))!;
  }

  @FieldResolver(() => Initiative, { nullable: true })
  initiative(@Root() h: VolunteerHelpRecordEntity, @Ctx() ctx: AtamekenContext): Promise<InitiativeEntity | null> | null {
    return h.initiativeId ? new InitiativeService(ctx).byId(h.initiativeId) : null;
  }
}
