import { conflict, forbidden, notFound } from '@rz/schema';
import { requireViewer } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { mayRateInitiatives } from '../../access/atameken-access';
import { InitiativeEntity } from '../initiative/initiative.entity';
import { InitiativeStatus } from '../initiative/initiative.enums';
import type { RateInitiativeArgs } from './initiative-rating.input';
import { ratingStatsLoader, type RatingStats } from './initiative-rating.loader';
import type { AtamekenContext } from '../../context';

export class InitiativeRatingService {
  constructor(private readonly ctx: AtamekenContext) {}

  stats(initiative: InitiativeEntity): Promise<RatingStats> {
    return this.ctx.loaders.get(ratingStatsLoader).load(initiative.id);
  }

  /**
   * A citizen rates an IMPLEMENTED initiative; rating again replaces their score,
   * so each person counts once. The author does not rate their own initiative.
   */
  async rate({ id, score }: RateInitiativeArgs): Promise<InitiativeEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    if (!mayRateInitiatives(viewer)) {
      throw forbidden('Residents rate initiatives (citizens, volunteers, patrons); official, NGO and admin accounts do not');
    }
    const initiative = isUUID(id) ? await this.ctx.db.getRepository(InitiativeEntity).findOneBy({ id }) : null;
    if (!initiative) throw notFound('Initiative', id, 'id');
    // Refused before the state is checked, so the author hears the same answer at every stage.
    if (initiative.authorSubject === viewer.subject) throw forbidden('The author does not rate their own initiative');
    if (initiative.status !== InitiativeStatus.IMPLEMENTED) {
      throw conflict(`Initiative is ${initiative.status}: citizens rate it once it is IMPLEMENTED`, { field: 'id', status: initiative.status });
    }
    await this.ctx.db.query(
      `INSERT INTO initiative_rating (initiative_id, rater_subject, score) VALUES ($1, $2, $3)
       ON CONFLICT (initiative_id, rater_subject) DO UPDATE SET score = EXCLUDED.score, updated_at = now()`,
      [initiative.id, viewer.subject, score],
    );
    return initiative;
  }
}
