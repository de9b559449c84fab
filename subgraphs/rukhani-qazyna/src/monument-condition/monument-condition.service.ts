import { badUserInput, notFound, todayInKazakhstan } from '@rz/schema';
import { newId } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { requireManagesTerritory } from '../access/rukhani-qazyna-access';
import { MonumentEntity } from '../monument/monument.entity';
import { MonumentConditionAssessmentEntity } from './monument-condition.entity';
import type { AssessMonumentConditionInput } from './monument-condition.input';
import { conditionHistoryLoader } from './monument-condition.loader';
import type { RukhaniQazynaContext } from '../context';

export class MonumentConditionService {
  constructor(private readonly ctx: RukhaniQazynaContext) {}

  history(monumentId: string): Promise<MonumentConditionAssessmentEntity[]> {
    return this.ctx.loaders.get(conditionHistoryLoader).load(monumentId);
  }

  /**
   * Records an assessment for an editor or an akimat officer whose scope covers the
   * monument. The monument row is locked and its current condition rewritten from the
   * latest assessment, so a backdated assessment never replaces a newer one.
   */
  async assess(monumentId: string, input: AssessMonumentConditionInput): Promise<MonumentEntity> {
    if (!isUUID(monumentId)) throw notFound('Monument', monumentId, 'monumentId');
    return this.ctx.db.transaction(async (manager) => {
      const monument = await manager.findOne(MonumentEntity, { where: { id: monumentId }, lock: { mode: 'pessimistic_write' } });
      if (!monument) throw notFound('Monument', monumentId, 'monumentId');
      // Who may assess is settled before the input is judged: a refused caller learns nothing else.
      const viewer = requireManagesTerritory(this.ctx.viewer, monument.territoryCode, 'assess the condition of this monument');
      const label = input.assessedBy.trim();
      if (label.length < 2) throw badUserInput('input.assessedBy', 'Name the role or organisation that assessed the monument');
      if (input.assessedOn > todayInKazakhstan()) throw badUserInput('input.assessedOn', 'An assessment cannot be dated in the future');
      await manager.insert(MonumentConditionAssessmentEntity, {
        id: newId(),
        monumentId,
        condition: input.condition,
        assessedOn: input.assessedOn,
        assessedBy: label,
        assessorSubject: viewer.subject,
        note: input.note?.trim() || null,
        recordedAt: new Date(),
      });
      const latest = await manager.findOneOrFail(MonumentConditionAssessmentEntity, {
        where: { monumentId },
        order: { assessedOn: 'DESC', id: 'DESC' },
      });
      const current = { condition: latest.condition, conditionAssessedOn: latest.assessedOn, conditionAssessedBy: latest.assessedBy, updatedAt: new Date() };
      await manager.update(MonumentEntity, { id: monumentId }, current);
      return Object.assign(monument, current);
    });
  }
}
