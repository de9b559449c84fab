import { badUserInput, conflict, kato, type ConnectionShape } from '@rz/schema';
import { newId, paginate, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { zhomartCommitteeRole } from '../../access/atameken-access';
import { kzDay } from '../../shared/kz-time';
import { ZhomartAwardEntity } from './zhomart-award.entity';
import { RANKED_NOMINATIONS, ZhomartNomination } from './zhomart.enums';
import type { ConfirmZhomartWinnerInput, ZhomartAwardFilter } from './zhomart.input';
import { periodContaining } from './zhomart-period';
import { rankRows, scopeCodes } from './zhomart-ranking.service';
import type { AtamekenContext } from '../../context';

export class ZhomartAwardService {
  constructor(private readonly ctx: AtamekenContext) {}

  list(filter: ZhomartAwardFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<ZhomartAwardEntity>> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const query = this.ctx.db.getRepository(ZhomartAwardEntity).createQueryBuilder('a');
    if (filter.territory) {
      query.andWhere('a.scopeCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.nomination) query.andWhere('a.nomination = :nomination', { nomination: filter.nomination });
    if (filter.year) query.andWhere('a.periodStart BETWEEN :from AND :to', { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` });
    return paginate(query, page);
  }

  /**
   * The committee confirms the winner of a finished period. For ranked nominations the
   * winner must be a ranked candidate (usually, not necessarily, the first); the award
   * keeps their rank and score at confirmation. One winner per nomination, scope and period.
   */
  async confirm(input: ConfirmZhomartWinnerInput): Promise<ZhomartAwardEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const codes = scopeCodes(input.territory, 'input.territory');
    const scope = input.territory ? kato().require(input.territory).code : null;
    const role = zhomartCommitteeRole(viewer, scope);
    const period = periodContaining(input.period, input.day);
    if (period.end >= kzDay()) {
      throw conflict(`The period ${period.start} to ${period.end} is not over yet`, { field: 'input.day', periodEnd: period.end });
    }
    const ranked = RANKED_NOMINATIONS.includes(input.nomination);
    const nomineeName = input.nomineeName?.trim() || null;
    if (ranked && nomineeName) throw badUserInput('input.nomineeName', `${input.nomination} is won by a ranked candidate: pass candidate`);
    if (!ranked && !nomineeName) throw badUserInput('input.nomineeName', `Name who receives ${input.nomination}`);
    if (!ranked && input.candidate) throw badUserInput('input.candidate', `${input.nomination} is not ranked: pass nomineeName`);
    if (ranked && !input.candidate) throw badUserInput('input.candidate', 'Pass the candidate of a ranking entry');

    return this.ctx.db.transaction(async (manager) => {
      const award = manager.create(ZhomartAwardEntity, {
        id: newId(),
        nomination: input.nomination,
        scopeCode: scope,
        periodKind: input.period,
        periodStart: period.start,
        periodEnd: period.end,
        volunteerId: null,
        patronPledgeId: null,
        patronSubject: null,
        patronOrganisation: null,
        nomineeName,
        rank: null,
        score: null,
        citation: input.citation?.trim() || null,
        confirmedBySubject: viewer.subject,
        confirmedByRole: role,
        confirmedAt: new Date(),
      });
      if (ranked) {
        const entry = (await rankRows(manager, input.nomination, codes, period, null, 'input.nomination')).find((e) => e.candidate === input.candidate);
        if (!entry) throw badUserInput('input.candidate', 'Not among the ranked candidates of this nomination, scope and period');
        Object.assign(award, { rank: entry.rank, score: entry.score });
        if (input.nomination === ZhomartNomination.BEST_PATRON) {
          Object.assign(award, { patronPledgeId: entry.candidate, patronSubject: entry.patronSubject, patronOrganisation: entry.patronName });
        } else {
          award.volunteerId = entry.candidate;
        }
      }
      const inserted = await manager.createQueryBuilder().insert().into(ZhomartAwardEntity).values(award).orIgnore().returning('id').execute();
      if (!inserted.raw.length) {
        throw conflict(`${input.nomination} for ${period.start} to ${period.end} in this scope already has a winner`, { field: 'input.nomination' });
      }
      return award;
    });
  }
}
