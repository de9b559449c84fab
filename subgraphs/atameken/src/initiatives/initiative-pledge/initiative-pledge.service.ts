import { badUserInput, conflict, forbidden, notFound } from '@rz/schema';
import { claimIdempotencyKey, idempotencyKeyOf, newId, requireViewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { mayCancelPledge, mayPledge, mayPledgeForOrganisation } from '../../access/atameken-access';
import type { InitiativeEntity } from '../initiative/initiative.entity';
import { InitiativeStatus } from '../initiative/initiative.enums';
import { pledgedIn, remainingOf } from '../initiative/initiative.funding';
import { notifyIfEstimateCovered } from '../initiative/initiative.notifications';
import { lockInitiative } from '../initiative/initiative.service';
import { InitiativePledgeEntity } from './initiative-pledge.entity';
import type { PledgeToInitiativeInput } from './initiative-pledge.input';
import { activePledgesLoader, pledgeTotalsLoader, type PledgeTotals } from './initiative-pledge.loader';
import { InitiativePledgeStatus } from './initiative-pledge.type';
import type { AtamekenContext } from '../../context';

export class InitiativePledgeService {
  constructor(private readonly ctx: AtamekenContext) {}

  totals(initiative: InitiativeEntity): Promise<PledgeTotals> {
    return this.ctx.loaders.get(pledgeTotalsLoader).load(initiative.id);
  }

  active(initiative: InitiativeEntity): Promise<InitiativePledgeEntity[]> {
    return this.ctx.loaders.get(activePledgesLoader).load(initiative.id);
  }

  isMine(pledge: InitiativePledgeEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === pledge.pledgerSubject;
  }

  /**
   * Pledges towards an INITIATED initiative, never beyond what remains of its estimate.
   * The initiative row is locked, so two pledges cannot both take the last tenge.
   */
  async pledge(input: PledgeToInitiativeInput, idempotencyKey?: string | null): Promise<InitiativePledgeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const key = idempotencyKeyOf(this.ctx, idempotencyKey);
    if (!mayPledge(viewer)) {
      // Official accounts would count as anonymous private money; the akimat's share is its budget decision.
      throw forbidden('Pledges come from citizens, volunteers, patrons and NGOs; the akimat records its share with recordInitiativeBudget');
    }
    const onBehalf = input.organisation !== undefined && input.organisation !== null;
    // The organisation is named publicly, so only patron and NGO accounts may speak for one.
    if (onBehalf && !mayPledgeForOrganisation(viewer)) {
      throw forbidden('Only patron and NGO accounts pledge on behalf of an organisation', { field: 'input.organisation' });
    }
    const organisation = input.organisation?.trim() || null;
    if (onBehalf && !organisation) {
      throw badUserInput('input.organisation', 'Give the organisation\'s name, or omit it to pledge as a private person');
    }
    return this.ctx.db.transaction(async (manager) => {
      // A retry with the same key gets the pledge the first request made.
      const id = newId();
      const first = await claimIdempotencyKey(manager, { operation: 'pledgeToInitiative', subject: viewer.subject, key }, id);
      if (first) return manager.findOneByOrFail(InitiativePledgeEntity, { id: first });
      const initiative = await lockInitiative(manager, input.initiative, 'input.initiative');
      if (initiative.status !== InitiativeStatus.INITIATED) {
        throw conflict(`Initiative is ${initiative.status}: pledges are taken only while it is INITIATED`, {
          field: 'input.initiative',
          status: initiative.status,
        });
      }
      const remaining = remainingOf(initiative, await pledgedIn(manager, initiative.id));
      if (input.amount > remaining) {
        throw badUserInput('input.amount', `Only ${remaining} tenge of the estimate remain to be pledged`, { remaining });
      }
      const pledge = manager.create(InitiativePledgeEntity, {
        id,
        initiativeId: initiative.id,
        pledgerSubject: viewer.subject,
        organisation,
        amount: input.amount,
        status: InitiativePledgeStatus.ACTIVE,
        cancelledAt: null,
      });
      const saved = await manager.save(pledge);
      await notifyIfEstimateCovered(manager, initiative, this.ctx.lang);
      return saved;
    });
  }

  /** The patron (or an admin) withdraws a pledge while the initiative has not started. */
  async cancel(id: string): Promise<InitiativePledgeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!isUUID(id)) throw notFound('InitiativePledge', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const found = await manager.findOneBy(InitiativePledgeEntity, { id });
      if (!found) throw notFound('InitiativePledge', id, 'id');
      // Lock order: initiative, then pledge, as in pledge() and the status change.
      const initiative = await lockInitiative(manager, found.initiativeId);
      const pledge = await manager.findOneOrFail(InitiativePledgeEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      // Admins may void a bogus pledge that would otherwise count towards the estimate.
      if (!mayCancelPledge(viewer, pledge)) throw forbidden('Only the patron may cancel their pledge');
      if (pledge.status !== InitiativePledgeStatus.ACTIVE) throw conflict('The pledge is already cancelled', { field: 'id', status: pledge.status });
      if (initiative.status !== InitiativeStatus.INITIATED) {
        throw conflict(`Initiative is ${initiative.status}: pledges can be cancelled only before work starts`, { field: 'id', status: initiative.status });
      }
      Object.assign(pledge, { status: InitiativePledgeStatus.CANCELLED, cancelledAt: new Date() });
      return manager.save(pledge);
    });
  }
}
