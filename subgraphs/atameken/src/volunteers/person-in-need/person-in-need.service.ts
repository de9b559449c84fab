import { badUserInput, forbidden, invalidTransition, kato, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, requireViewer, type PageRequest } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { mayClosePersonInNeed, ownsPersonInNeed } from '../../access/atameken-access';
import type { RevealContactArgs } from '../personal-data/personal-data-release.input';
import { PersonalDataReleaseService } from '../personal-data/personal-data-release.service';
import { PersonalDataRecordKind } from '../personal-data/personal-data-release.type';
import { PersonInNeedEntity } from './person-in-need.entity';
import type { PersonInNeedFilter, RegisterPersonInNeedInput } from './person-in-need.input';
import { PersonInNeedStatus, type PersonInNeedContact } from './person-in-need.type';
import type { AtamekenContext } from '../../context';

export class PersonInNeedService {
  constructor(private readonly ctx: AtamekenContext) {}

  private get repository() {
    return this.ctx.db.getRepository(PersonInNeedEntity);
  }

  list(filter: PersonInNeedFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<PersonInNeedEntity>> {
    // An explicit `filter: null` arrives as null, which a default parameter does not cover.
    filter ??= {};
    const query = this.repository.createQueryBuilder('p');
    if (filter.territory) {
      query.andWhere('p.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.need) query.andWhere(':need = ANY(p.needs)', { need: filter.need });
    if (filter.status) query.andWhere('p.status = :status', { status: filter.status });
    return paginate(query, page);
  }

  isMine(person: PersonInNeedEntity): boolean {
    return ownsPersonInNeed(this.ctx.viewer, person);
  }

  /** Anyone signed in puts a person (or themselves) on the map. */
  async register(input: RegisterPersonInNeedInput): Promise<PersonInNeedEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const territory = kato().require(input.territory, 'input.territory');
    const name = input.contact.name.trim();
    if (!name) throw badUserInput('input.contact.name', 'Give a name to be reached by');
    const phone = input.contact.phone?.trim() || null;
    const address = input.contact.address?.trim() || null;
    if (!phone && !address) throw badUserInput('input.contact', 'Give a phone number or an address');
    const person = this.repository.create({
      id: newId(),
      territoryCode: territory.code,
      needs: [...new Set(input.needs)],
      status: PersonInNeedStatus.OPEN,
      subject: input.self ? viewer.subject : null,
      registeredBySubject: viewer.subject,
      contactName: name,
      contactPhone: phone,
      address,
      note: input.note?.trim() || null,
    });
    return this.repository.save(person);
  }

  /** The person, whoever registered them, or an akimat officer of the territory takes them off the map. */
  async close(id: string): Promise<PersonInNeedEntity> {
    const viewer = requireViewer(this.ctx.viewer);
    const person = isUUID(id) ? await this.repository.findOneBy({ id }) : null;
    if (!person) throw notFound('PersonInNeed', id, 'id');
    if (!mayClosePersonInNeed(viewer, person)) {
      throw forbidden('Only the person, whoever registered them or an akimat officer of the territory may close this');
    }
    if (person.status === PersonInNeedStatus.CLOSED) throw invalidTransition('PersonInNeed', person.status, PersonInNeedStatus.CLOSED);
    person.status = PersonInNeedStatus.CLOSED;
    return this.repository.save(person);
  }

  /** One person's contacts for a verified identity, with the audit row in the same transaction. */
  async revealContact({ id, reason }: RevealContactArgs): Promise<PersonInNeedContact> {
    const audit = new PersonalDataReleaseService(this.ctx);
    const who = audit.authorize(reason);
    if (!isUUID(id)) throw notFound('PersonInNeed', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const person = await manager.findOneBy(PersonInNeedEntity, { id });
      if (!person) throw notFound('PersonInNeed', id, 'id');
      await audit.record(manager, who, PersonalDataRecordKind.PERSON_IN_NEED, person.id);
      return { personInNeedId: person.id, name: person.contactName, phone: person.contactPhone, address: person.address, note: person.note };
    });
  }
}
