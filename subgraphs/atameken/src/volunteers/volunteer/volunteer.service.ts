import { badUserInput, conflict, kato, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { RevealContactArgs } from '../personal-data/personal-data-release.input';
import { PersonalDataReleaseService } from '../personal-data/personal-data-release.service';
import { PersonalDataRecordKind } from '../personal-data/personal-data-release.type';
import type { VolunteerContact } from './volunteer-contact.type';
import { VolunteerEntity } from './volunteer.entity';
import type { VolunteerFilter, VolunteerProfileInput } from './volunteer.input';
import { volunteerByIdLoader, volunteerStatsLoader, type VolunteerStats } from './volunteer.loader';
import type { AtamekenContext } from '../../context';

/** Profile fields from the input, checked beyond what class-validator can see. */
function profile(input: VolunteerProfileInput): Partial<VolunteerEntity> {
  const territory = kato().require(input.territory, 'input.territory');
  if (input.availableTo <= input.availableFrom) throw badUserInput('input.availableTo', 'availableTo must be after availableFrom');
  const name = input.contact.name.trim();
  if (!name) throw badUserInput('input.contact.name', 'Give a name to be reached by');
  const phone = input.contact.phone?.trim() || null;
  const email = input.contact.email?.trim() || null;
  if (!phone && !email) throw badUserInput('input.contact', 'Give a phone number or an e-mail address');
  return {
    helpKinds: [...new Set(input.helpKinds)],
    availableDays: [...new Set(input.availableDays)],
    availableFrom: input.availableFrom,
    availableTo: input.availableTo,
    territoryCode: territory.code,
    hasCar: input.hasCar,
    contactName: name,
    contactPhone: phone,
    contactEmail: email,
  };
}

export class VolunteerService {
  constructor(private readonly ctx: AtamekenContext) {}

  private get repository() {
    return this.ctx.db.getRepository(VolunteerEntity);
  }

  byId(id: string): Promise<VolunteerEntity | null> {
    return this.ctx.loaders.get(volunteerByIdLoader).load(id);
  }

  stats(volunteer: VolunteerEntity): Promise<VolunteerStats> {
    return this.ctx.loaders.get(volunteerStatsLoader).load(volunteer.id);
  }

  isMe(volunteer: VolunteerEntity): boolean {
    return !!this.ctx.viewer && this.ctx.viewer.subject === volunteer.subject;
  }

  mine(): Promise<VolunteerEntity | null> {
    return this.repository.findOneBy({ subject: requireViewer(this.ctx.viewer).subject });
  }

  list(filter: VolunteerFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<VolunteerEntity>> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const query = this.repository.createQueryBuilder('v');
    if (filter.territory) {
      query.andWhere('v.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.helpKind) query.andWhere(':kind = ANY(v.helpKinds)', { kind: filter.helpKind });
    if (filter.availableOn) query.andWhere(':day = ANY(v.availableDays)', { day: filter.availableOn });
    if (filter.hasCar !== undefined && filter.hasCar !== null) query.andWhere('v.hasCar = :car', { car: filter.hasCar });
    return paginate(query, page);
  }

  /** Any signed-in person joins the corps once. */
  async register(input: VolunteerProfileInput): Promise<VolunteerEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const row = this.repository.create({ id: newId(), subject: viewer.subject, ...profile(input) });
    const inserted = await this.repository.createQueryBuilder().insert().values(row).orIgnore().returning('id').execute();
    if (!inserted.raw.length) throw conflict('You are already registered as a volunteer: update your profile instead');
    return this.repository.findOneByOrFail({ id: row.id });
  }

  async update(input: VolunteerProfileInput): Promise<VolunteerEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const values = profile(input);
    const current = await this.repository.findOneBy({ subject: viewer.subject });
    if (!current) throw notFound('Volunteer', 'profile of the viewer');
    Object.assign(current, values);
    return this.repository.save(current);
  }

  /** One volunteer's contacts for a verified identity, with the audit row in the same transaction. */
  async revealContact({ id, reason }: RevealContactArgs): Promise<VolunteerContact> {
    const audit = new PersonalDataReleaseService(this.ctx);
    const who = audit.authorize(reason);
    if (!isUUID(id)) throw notFound('Volunteer', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const volunteer = await manager.findOneBy(VolunteerEntity, { id });
      if (!volunteer) throw notFound('Volunteer', id, 'id');
      await audit.record(manager, who, PersonalDataRecordKind.VOLUNTEER, volunteer.id);
      return { volunteerId: volunteer.id, name: volunteer.contactName, phone: volunteer.contactPhone, email: volunteer.contactEmail };
    });
  }
}
