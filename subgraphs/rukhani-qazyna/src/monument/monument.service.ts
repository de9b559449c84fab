import { badUserInput, forbidden, hasAnyLanguage, kato, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, requireViewer, Role, type PageRequest, type SubgraphContext, type Viewer } from '@rz/subgraph-runtime';
import { MonumentEntity } from './monument.entity';
import type { CreateMonumentInput, MonumentFilter, UpdateMonumentInput } from './monument.input';
import { monumentByIdLoader } from './monument.loader';

const SUBPROGRAMME = 'rukhani-qazyna';

export class MonumentService {
  constructor(private readonly ctx: SubgraphContext) {}

  private get repository() {
    return this.ctx.db.getRepository(MonumentEntity);
  }

  async byId(id: string): Promise<MonumentEntity | null> {
    return this.ctx.loaders.get(monumentByIdLoader).load(id);
  }

  async list(filter: MonumentFilter = {}, page: PageRequest): Promise<ConnectionShape<MonumentEntity>> {
    const query = this.repository.createQueryBuilder('m');
    if (filter.territory) {
      query.andWhere('m.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(kato().require(filter.territory, 'filter.territory').code) });
    }
    if (filter.type) query.andWhere('m.type = :type', { type: filter.type });
    if (filter.significance) query.andWhere('m.significance = :significance', { significance: filter.significance });
    if (filter.condition) query.andWhere('m.condition = :condition', { condition: filter.condition });
    if (filter.search?.trim()) {
      query.andWhere('(m.nameKk ILIKE :search OR m.nameRu ILIKE :search OR m.nameEn ILIKE :search)', {
        search: `%${filter.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    return paginate(query, page);
  }

  async create(input: CreateMonumentInput): Promise<MonumentEntity> {
    this.requireEditor();
    if (!hasAnyLanguage(input.name)) throw badUserInput('input.name', 'Give the name in at least one language');
    kato().require(input.territory, 'input.territory');
    const monument = this.repository.create({
      id: newId(),
      nameKk: input.name.kk ?? null,
      nameRu: input.name.ru ?? null,
      nameEn: input.name.en ?? null,
      descriptionKk: input.description?.kk ?? null,
      descriptionRu: input.description?.ru ?? null,
      descriptionEn: input.description?.en ?? null,
      type: input.type,
      significance: input.significance,
      territoryCode: input.territory,
      lat: input.location?.lat ?? null,
      lon: input.location?.lon ?? null,
      period: input.period ?? null,
      onStateList: input.onStateList,
      unescoStatus: input.unescoStatus ?? null,
      condition: null,
      conditionAssessedOn: null,
      sourceId: null,
      sources: null,
    });
    return this.repository.save(monument);
  }

  async update(id: string, input: UpdateMonumentInput): Promise<MonumentEntity> {
    this.requireEditor();
    const monument = await this.repository.findOneBy({ id });
    if (!monument) throw notFound('Monument', id, 'id');
    if (input.territory) monument.territoryCode = kato().require(input.territory, 'input.territory').code;
    if (input.name) {
      const merged = { kk: input.name.kk ?? monument.nameKk, ru: input.name.ru ?? monument.nameRu, en: input.name.en ?? monument.nameEn };
      if (!hasAnyLanguage(merged)) throw badUserInput('input.name', 'Give the name in at least one language');
      Object.assign(monument, { nameKk: merged.kk, nameRu: merged.ru, nameEn: merged.en });
    }
    if (input.description) {
      monument.descriptionKk = input.description.kk ?? monument.descriptionKk;
      monument.descriptionRu = input.description.ru ?? monument.descriptionRu;
      monument.descriptionEn = input.description.en ?? monument.descriptionEn;
    }
    if (input.location) Object.assign(monument, { lat: input.location.lat, lon: input.location.lon });
    if (input.type) monument.type = input.type;
    if (input.significance) monument.significance = input.significance;
    if (input.period !== undefined && input.period !== null) monument.period = input.period;
    if (input.onStateList !== undefined && input.onStateList !== null) monument.onStateList = input.onStateList;
    return this.repository.save(monument);
  }

  /** Monuments are edited by the Culture ministry's editors (and admins). */
  private requireEditor(): Viewer {
    const viewer = requireViewer(this.ctx.viewer);
    const editor = viewer.roles.includes(Role.MINISTRY_EDITOR) && viewer.subprogramme === SUBPROGRAMME;
    if (!editor && !viewer.roles.includes(Role.ADMIN)) {
      throw forbidden('Only editors of the Rukhani Qazyna subprogramme may edit monuments');
    }
    return viewer;
  }
}
