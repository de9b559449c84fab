import { badUserInput, kato } from '@rz/schema';
import { requireViewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root, Subscription } from 'type-graphql';
import { actsForAkimat } from '../../access/atameken-access';
import { ComplaintActorRole, ComplaintTopic } from '../complaint/complaint.enums';
import type { ComplaintEntity } from '../complaint/complaint.entity';
import { ComplaintService } from '../complaint/complaint.service';
import { Complaint } from '../complaint/complaint.type';
import type { ComplaintEvent, ComplaintEventFilter } from './complaint-event.stream';
import { ComplaintStatusEvent } from './complaint-event.type';
import type { AtamekenContext } from '../../context';


interface SubscriptionArgs {
  territory?: string | null;
  complaint?: string | null;
  topic?: ComplaintTopic | null;
  mine?: boolean | null;
  after?: string | null;
}

/** The filter a subscriber asked for, validated like any other input. */
function filterFrom(args: SubscriptionArgs, ctx: AtamekenContext): ComplaintEventFilter {
  const filter: ComplaintEventFilter = {};
  if (args.territory) filter.territoryCodes = new Set(kato().subtreeCodes(args.territory, 'territory'));
  if (args.complaint) {
    if (!isUUID(args.complaint)) throw badUserInput('complaint', 'complaint must be a complaint id');
    filter.complaintId = args.complaint;
  }
  if (args.topic) filter.topic = args.topic;
  if (args.mine) filter.authorSubject = requireViewer(ctx.viewer).subject;
  return filter;
}

function cursorFrom(after: string | null | undefined): bigint | null {
  if (after === null || after === undefined) return null;
  if (!/^\d{1,19}$/.test(after)) throw badUserInput('after', 'Malformed cursor: pass the cursor of an event you received');
  return BigInt(after);
}

/** Roles whose notes are the state's answer, public like the change itself. */
const OFFICIAL_ROLES: ReadonlySet<ComplaintActorRole> = new Set([
  ComplaintActorRole.AKIMAT_OFFICER,
  ComplaintActorRole.PROJECT_OFFICE,
  ComplaintActorRole.MINISTRY_EDITOR,
  ComplaintActorRole.ADMIN,
]);

@Resolver(() => ComplaintStatusEvent)
export class ComplaintEventResolver {
  @Subscription(() => ComplaintStatusEvent, {
    description:
      'Every status change of complaints matching the filters, as it commits. Pass `after` (an event cursor) to first ' +
      'replay the changes since then (kept for a limited period), then continue live, with no gap and no repeat.',
    subscribe: ({ args, context }) => {
      const ctx = context as AtamekenContext;
      return ctx.services.complaintEvents.subscribe(filterFrom(args as SubscriptionArgs, ctx), cursorFrom((args as SubscriptionArgs).after));
    },
  })
  complaintStatusChanged(
    @Root() event: ComplaintEvent,
    @Arg('territory', () => ID, { nullable: true, description: 'KATO code: changes in it and below it' }) _territory?: string,
    @Arg('complaint', () => ID, { nullable: true, description: 'One complaint, e.g. an author following their request' }) _complaint?: string,
    @Arg('topic', () => ComplaintTopic, { nullable: true }) _topic?: ComplaintTopic,
    @Arg('mine', () => Boolean, { nullable: true, description: 'Only complaints the caller filed (needs a token)' }) _mine?: boolean,
    @Arg('after', () => String, { nullable: true, description: 'Cursor of the last event received' }) _after?: string,
  ): ComplaintEvent {
    return event;
  }

  @Query(() => String, {
    description:
      'Cursor of the newest complaint status change. Load what you show, then subscribe to `complaintStatusChanged` ' +
      'with this as `after`: nothing committed in between is missed.',
  })
  async complaintStatusChangedCursor(@Ctx() ctx: AtamekenContext): Promise<string> {
    return ctx.services.complaintEvents.head();
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      "The note given with the change. An official's note is public; a note a citizen wrote (e.g. why they reopened) " +
      'is shown only to its author and the akimat of the territory, null to everyone else.',
  })
  comment(@Root() event: ComplaintEvent, @Ctx() ctx: AtamekenContext): string | null {
    if (event.comment === null || OFFICIAL_ROLES.has(event.byRole)) return event.comment;
    const viewer = ctx.viewer;
    return viewer && (viewer.subject === event.authorSubject || actsForAkimat(viewer, event.territoryCode)) ? event.comment : null;
  }

  @FieldResolver(() => String, { description: 'Resume point: pass it as `after` when resubscribing' })
  cursor(@Root() event: ComplaintEvent): string {
    return event.id.toString();
  }

  @FieldResolver(() => ComplaintActorRole)
  by(@Root() event: ComplaintEvent): ComplaintActorRole {
    return event.byRole;
  }

  @FieldResolver(() => Complaint, { description: 'The complaint as it is now, not as of this event: `to`, `at` and `by` describe the event' })
  async complaint(@Root() event: ComplaintEvent, @Ctx() ctx: AtamekenContext): Promise<ComplaintEntity> {
    return (await new ComplaintService(ctx).byId(event.complaintId))!;
  }
}
