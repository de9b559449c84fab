import { badUserInput, conflict, forbidden, notFound, type ConnectionShape } from '@rz/schema';
import { enqueueNotification, newId, paginate, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { VolunteerEntity } from '../volunteer/volunteer.entity';
import { VolunteerService } from '../volunteer/volunteer.service';
import { VolunteerReviewEntity } from './volunteer-review.entity';
import type { ReviewVolunteerInput } from './volunteer-review.input';
import type { AtamekenContext } from '../../context';

export class VolunteerReviewService {
  constructor(private readonly ctx: AtamekenContext) {}

  private get repository() {
    return this.ctx.db.getRepository(VolunteerReviewEntity);
  }

  page(volunteer: VolunteerEntity, page: PageRequest): Promise<ConnectionShape<VolunteerReviewEntity>> {
    return paginate(this.repository.createQueryBuilder('r').where('r.volunteerId = :id', { id: volunteer.id }), page);
  }

  isMine(review: VolunteerReviewEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === review.authorSubject;
  }

  /** Anyone signed in reviews a volunteer once; volunteers do not review themselves. */
  async review(input: ReviewVolunteerInput): Promise<VolunteerReviewEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const text = input.text.trim();
    if (!text) throw badUserInput('input.text', 'Write the review');
    const volunteer = isUUID(input.volunteer) ? await new VolunteerService(this.ctx).byId(input.volunteer) : null;
    if (!volunteer) throw notFound('Volunteer', input.volunteer, 'input.volunteer');
    if (volunteer.subject === viewer.subject) throw forbidden('Volunteers do not review themselves');
    const row = this.repository.create({ id: newId(), volunteerId: volunteer.id, authorSubject: viewer.subject, positive: input.positive, text });
    await this.ctx.db.transaction(async (manager) => {
      const inserted = await manager.createQueryBuilder().insert().into(VolunteerReviewEntity).values(row).orIgnore().returning('id').execute();
      if (!inserted.raw.length) throw conflict('You have already reviewed this volunteer', { field: 'input.volunteer' });
      // Whether it is positive, never its text or its author.
      await enqueueNotification(manager, {
        dedupeKey: `volunteer-review:${row.id}`,
        recipientSubject: volunteer.subject,
        kind: 'VOLUNTEER_REVIEWED',
        about: { type: 'Volunteer', id: volunteer.id },
        params: { volunteerId: volunteer.id, positive: row.positive },
        language: this.ctx.lang ?? null,
      });
    });
    return this.repository.findOneByOrFail({ id: row.id });
  }
}
