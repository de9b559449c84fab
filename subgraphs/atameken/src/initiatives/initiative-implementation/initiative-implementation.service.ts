import { badUserInput, hasAnyLanguage, invalidTransition, localizedColumns } from '@rz/schema';
import { requireViewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { requireModeratesInitiatives } from '../../access/atameken-access';
import type { InitiativeEntity } from '../initiative/initiative.entity';
import { InitiativeStatus } from '../initiative/initiative.enums';
import { IMPLEMENTED_STATUS } from '../initiative/initiative.lifecycle';
import { notifyInitiativeStatus } from '../initiative/initiative.notifications';
import { lockInitiative } from '../initiative/initiative.service';
import { activePledgesLoader } from '../initiative-pledge/initiative-pledge.loader';
import type { VolunteerEntity } from '../../volunteers/volunteer/volunteer.entity';
import { InitiativeParticipantEntity } from './initiative-participant.entity';
import type { CompleteInitiativeInput } from './initiative-implementation.input';
import { initiativeParticipantsLoader, initiativeVolunteersLoader } from './initiative-implementation.loader';
import { InitiativeParticipantKind, type InitiativePatron } from './initiative-implementation.type';
import type { AtamekenContext } from '../../context';

/** Trimmed, blank-free, each name once (case-insensitive), in the given order. */
function names(list: readonly string[], field: string): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const [index, raw] of list.entries()) {
    const name = raw.trim();
    if (!name) throw badUserInput(`${field}.${index}`, 'A name cannot be blank');
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    result.push(name);
  }
  return result;
}

export class InitiativeImplementationService {
  constructor(private readonly ctx: AtamekenContext) {}

  /**
   * An akimat officer of the territory completes an initiative IN_PROGRESS, recording
   * the result, people served and who took part, in one transaction.
   */
  async complete(input: CompleteInitiativeInput): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!hasAnyLanguage(input.result)) throw badUserInput('input.result', 'Describe the result in at least one language');
    const ngos = names(input.ngos ?? [], 'input.ngos');
    const patrons = names(input.patrons ?? [], 'input.patrons');
    const volunteerIds = [...new Set(input.volunteers ?? [])];
    for (const [index, id] of (input.volunteers ?? []).entries()) {
      if (!isUUID(id)) throw badUserInput(`input.volunteers.${index}`, 'Not a volunteer id');
    }
    return this.ctx.db.transaction(async (manager) => {
      const initiative = await lockInitiative(manager, input.initiative, 'input.initiative');
      requireModeratesInitiatives(viewer, initiative.territoryCode);
      if (initiative.status !== InitiativeStatus.IN_PROGRESS) throw invalidTransition('Initiative', initiative.status, IMPLEMENTED_STATUS);
      if (volunteerIds.length) {
        const found: { id: string }[] = await manager.query(`SELECT id FROM volunteer WHERE id = ANY($1)`, [volunteerIds]);
        const known = new Set(found.map((r) => r.id));
        const missing = (input.volunteers ?? []).findIndex((id) => !known.has(id));
        if (missing >= 0) throw badUserInput(`input.volunteers.${missing}`, 'No such volunteer');
      }
      Object.assign(initiative, {
        status: IMPLEMENTED_STATUS,
        progress: 100,
        implementedAt: new Date(),
        ...localizedColumns('result', input.result),
        peopleServed: input.peopleServed,
      });
      await manager.save(initiative);
      const participants = [
        ...patrons.map((name) => ({ kind: InitiativeParticipantKind.PATRON, name })),
        ...ngos.map((name) => ({ kind: InitiativeParticipantKind.NGO, name })),
      ];
      if (participants.length) {
        await manager.insert(
          InitiativeParticipantEntity,
          participants.map((p, position) => ({ initiativeId: initiative.id, position, ...p })),
        );
      }
      if (volunteerIds.length) {
        await manager.query(
          `INSERT INTO initiative_volunteer (initiative_id, volunteer_id) SELECT $1, unnest($2::uuid[])`,
          [initiative.id, volunteerIds],
        );
      }
      await notifyInitiativeStatus(manager, initiative, this.ctx.lang);
      return initiative;
    });
  }

  /** Organisations that pledged (summed per name), then patrons the akimat named. Private pledgers are never listed. */
  async patrons(initiative: InitiativeEntity): Promise<InitiativePatron[]> {
    const [pledges, participants] = await Promise.all([
      this.ctx.loaders.get(activePledgesLoader).load(initiative.id),
      this.ctx.loaders.get(initiativeParticipantsLoader).load(initiative.id),
    ]);
    const byName = new Map<string, InitiativePatron>();
    for (const pledge of pledges) {
      if (!pledge.organisation) continue;
      const entry = byName.get(pledge.organisation.toLowerCase()) ?? { name: pledge.organisation, pledged: 0 };
      entry.pledged = (entry.pledged ?? 0) + pledge.amount;
      byName.set(pledge.organisation.toLowerCase(), entry);
    }
    for (const p of participants) {
      if (p.kind === InitiativeParticipantKind.PATRON && !byName.has(p.name.toLowerCase())) byName.set(p.name.toLowerCase(), { name: p.name, pledged: null });
    }
    return [...byName.values()];
  }

  async privatePledges(initiative: InitiativeEntity): Promise<{ count: number; amount: number }> {
    const pledges = (await this.ctx.loaders.get(activePledgesLoader).load(initiative.id)).filter((p) => !p.organisation);
    return { count: pledges.length, amount: pledges.reduce((sum, p) => sum + p.amount, 0) };
  }

  async ngos(initiative: InitiativeEntity): Promise<string[]> {
    const participants = await this.ctx.loaders.get(initiativeParticipantsLoader).load(initiative.id);
    return participants.filter((p) => p.kind === InitiativeParticipantKind.NGO).map((p) => p.name);
  }

  volunteers(initiative: InitiativeEntity): Promise<VolunteerEntity[]> {
    return this.ctx.loaders.get(initiativeVolunteersLoader).load(initiative.id);
  }
}
