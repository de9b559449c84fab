import { badUserInput, forbidden, type ConnectionShape } from '@rz/schema';
import { newId, paginate, type PageRequest } from '@rz/subgraph-runtime';
import type { EntityManager } from 'typeorm';
import { requireAdmin, requireVerifiedIdentity } from '../../access/atameken-access';
import { PersonalDataReleaseEntity } from './personal-data-release.entity';
import { REASON_MIN, type PersonalDataReleaseFilter } from './personal-data-release.input';
import type { PersonalDataRecordKind } from './personal-data-release.type';
import type { AtamekenContext } from '../../context';

/** Per-request marker: at most one record's details leave the service per request (no aliased batches). */
function releasesInRequest(): { count: number } {
  return { count: 0 };
}

export class PersonalDataReleaseService {
  constructor(private readonly ctx: AtamekenContext) {}

  /**
   * Checks that the viewer may receive one record's contact details: a verified identity
   * (digital signature), a reason, and no other release in the same request.
   */
  authorize(reason: string): { viewerSubject: string; reason: string } {
    const viewer = requireVerifiedIdentity(this.ctx.viewer);
    const why = reason.trim();
    if (why.length < REASON_MIN) throw badUserInput('reason', `Say why you need the details (at least ${REASON_MIN} characters)`);
    const guard = this.ctx.loaders.get(releasesInRequest);
    if (guard.count > 0) throw forbidden('One record\'s contact details per request');
    guard.count += 1;
    return { viewerSubject: viewer.subject, reason: why };
  }

  /** Writes the audit row inside the caller's transaction, so no detail leaves without its row. */
  async record(manager: EntityManager, who: { viewerSubject: string; reason: string }, recordKind: PersonalDataRecordKind, recordId: string): Promise<void> {
    await manager.insert(PersonalDataReleaseEntity, { id: newId(), ...who, recordKind, recordId, releasedAt: new Date() });
  }

  list(filter: PersonalDataReleaseFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<PersonalDataReleaseEntity>> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    requireAdmin(this.ctx.viewer, 'read the personal data audit trail');
    const query = this.ctx.db.getRepository(PersonalDataReleaseEntity).createQueryBuilder('r');
    if (filter.recordKind) query.andWhere('r.recordKind = :kind', { kind: filter.recordKind });
    if (filter.recordId) query.andWhere('r.recordId = :record', { record: filter.recordId });
    if (filter.viewerSubject) query.andWhere('r.viewerSubject = :who', { who: filter.viewerSubject });
    return paginate(query, page);
  }
}
