import { badUserInput, conflict, notFound } from '@rz/schema';
import type { SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { In } from 'typeorm';
import { requireManagerRole, requireManagesTerritory } from '../access/tarbie-bilim-access';
import { EventEntity } from '../event/event.entity';
import { EventKind, EventStatus } from '../event/event.enums';
import { eventByIdLoader } from '../event/event.loader';
import { EventRegistrationEntity } from '../registration/registration.entity';
import { EventRegistrationStatus } from '../registration/registration.enums';
import { EventResultEntity } from './result.entity';
import type { EventResultInput } from './result.input';
import { resultByRegistrationLoader, resultsByEventLoader } from './result.loader';

/** Only these kinds rank their participants. */
export const RANKED_KINDS: readonly EventKind[] = [EventKind.COMPETITION, EventKind.OLYMPIAD];
export const MAX_RESULTS = 1000;

export class ResultService {
  constructor(private readonly ctx: SubgraphContext) {}

  forEvent(eventId: string): Promise<EventResultEntity[]> {
    return this.ctx.loaders.get(resultsByEventLoader).load(eventId);
  }

  forRegistration(registrationId: string): Promise<EventResultEntity | null> {
    return this.ctx.loaders.get(resultByRegistrationLoader).load(registrationId);
  }

  /**
   * Replaces the results of a COMPLETED competition or olympiad. Every result names a
   * CONFIRMED registration of the event, at most once; an empty list clears the results.
   */
  async record(eventId: string, results: EventResultInput[]): Promise<EventEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, 'manage event results');
    if (!isUUID(eventId, 'all')) throw notFound('Event', eventId, 'eventId');
    if (results.length > MAX_RESULTS) throw badUserInput('results', `At most ${MAX_RESULTS} results per event`);
    const rows = results.map((r, index) => {
      const award = r.award?.trim() || null;
      const placing = r.placing ?? null;
      if (placing === null && award === null) throw badUserInput(`results.${index}`, 'Give a placing, an award or both');
      return { registrationId: r.registration.toLowerCase(), eventId, placing, award, index };
    });
    const seen = new Set<string>();
    for (const row of rows) {
      if (seen.has(row.registrationId)) throw badUserInput(`results.${row.index}.registration`, 'This registration already has a result in the list');
      seen.add(row.registrationId);
    }

    const event = await this.ctx.db.transaction(async (manager) => {
      const locked = await manager.findOne(EventEntity, { where: { id: eventId }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw notFound('Event', eventId, 'eventId');
      requireManagesTerritory(viewer, locked.territoryCode, 'manage event results');
      if (!RANKED_KINDS.includes(locked.kind)) {
        throw badUserInput('eventId', `Results are recorded for competitions and olympiads, not for a ${locked.kind}`, { kind: locked.kind });
      }
      if (locked.status !== EventStatus.COMPLETED) {
        throw conflict(`Results are recorded once the event is COMPLETED; it is ${locked.status}`, { field: 'eventId', status: locked.status });
      }
      const confirmed = new Set(
        (
          await manager.find(EventRegistrationEntity, {
            select: { id: true },
            where: { eventId, id: In([...seen]), status: EventRegistrationStatus.CONFIRMED },
          })
        ).map((r) => r.id),
      );
      const stranger = rows.find((r) => !confirmed.has(r.registrationId));
      if (stranger) {
        throw badUserInput(`results.${stranger.index}.registration`, 'Not a confirmed registration of this event', { registration: stranger.registrationId });
      }
      await manager.delete(EventResultEntity, { eventId });
      if (rows.length) await manager.insert(EventResultEntity, rows.map(({ index: _index, ...row }) => row));
      return locked;
    });
    this.ctx.loaders.get(resultsByEventLoader).clear(eventId);
    this.ctx.loaders.get(resultByRegistrationLoader).clearAll();
    this.ctx.loaders.get(eventByIdLoader).clear(eventId).prime(eventId, event);
    return event;
  }
}
