import { badUserInput, conflict, forbidden, hasAnyLanguage, localizedColumns } from '@rz/schema';
import { newId, requireViewer } from '@rz/subgraph-runtime';
import { mayReportProgress } from '../../access/atameken-access';
import { kzDay } from '../../shared/kz-time';
import { InitiativeEntity } from '../initiative/initiative.entity';
import { InitiativeStatus } from '../initiative/initiative.enums';
import { lockInitiative } from '../initiative/initiative.service';
import { InitiativeMilestoneEntity } from './initiative-milestone.entity';
import type { AddInitiativeMilestoneInput } from './initiative-milestone.input';
import { initiativeMilestonesLoader } from './initiative-milestone.loader';
import type { AtamekenContext } from '../../context';

export class InitiativeMilestoneService {
  constructor(private readonly ctx: AtamekenContext) {}

  forInitiative(initiative: InitiativeEntity): Promise<InitiativeMilestoneEntity[]> {
    return this.ctx.loaders.get(initiativeMilestonesLoader).load(initiative.id);
  }

  /**
   * The author or an akimat officer of the territory records a step of an initiative
   * IN_PROGRESS; its progress becomes the initiative's, which never goes down.
   */
  async add(input: AddInitiativeMilestoneInput): Promise<InitiativeMilestoneEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!hasAnyLanguage(input.title)) throw badUserInput('input.title', 'Give the title in at least one language');
    return this.ctx.db.transaction(async (manager) => {
      const initiative = await lockInitiative(manager, input.initiative, 'input.initiative');
      if (!mayReportProgress(viewer, initiative)) {
        throw forbidden(`Only the author or an akimat officer of territory ${initiative.territoryCode} may report progress`);
      }
      if (initiative.status !== InitiativeStatus.IN_PROGRESS) {
        throw conflict(`Initiative is ${initiative.status}: milestones are recorded while it is IN_PROGRESS`, {
          field: 'input.initiative',
          status: initiative.status,
        });
      }
      const today = kzDay();
      if (input.happenedOn > today) throw badUserInput('input.happenedOn', 'A milestone cannot be in the future');
      const started = initiative.startedAt ? kzDay(initiative.startedAt) : null;
      if (started && input.happenedOn < started) throw badUserInput('input.happenedOn', `Work started on ${started}`, { startedOn: started });
      if (input.progress < initiative.progress) {
        throw badUserInput('input.progress', `Progress is already ${initiative.progress}%: it does not go down`, { current: initiative.progress });
      }
      const milestone = manager.create(InitiativeMilestoneEntity, {
        id: newId(),
        initiativeId: initiative.id,
        happenedOn: input.happenedOn,
        ...localizedColumns('title', input.title),
        ...localizedColumns('description', input.description),
        progress: input.progress,
        authorSubject: viewer.subject,
      });
      await manager.save(milestone);
      await manager.update(InitiativeEntity, { id: initiative.id }, { progress: input.progress, updatedAt: new Date() });
      return milestone;
    });
  }
}
