import { badUserInput, kato, notFound, type ConnectionShape } from '@rz/schema';
import { newId, paginate, paginateTerritories, type PageRequest, type SubgraphContext } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import type { EntityManager } from 'typeorm';
import { requireManagerRole, requireManagesTerritory } from '../access/tarbie-bilim-access';
import { distinctMonumentIds, replaceMonumentLinks } from '../monument/monument-links';
import { LocalHistoryMaterialMonumentEntity } from './material-monument.entity';
import { LocalHistoryMaterialEntity } from './material.entity';
import type { CreateLocalHistoryMaterialInput, LocalHistoryMaterialFilter, UpdateLocalHistoryMaterialInput } from './material.input';
import { materialByIdLoader, materialMonumentsLoader } from './material.loader';

const WHAT = 'manage local history materials';

function requireText(value: string, field: string, message: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badUserInput(field, message);
  return trimmed;
}

function cleanAuthors(authors: string[], field: string): string[] {
  return authors.map((a, index) => requireText(a, `${field}.${index}`, 'An author\'s name cannot be blank'));
}

export class MaterialService {
  constructor(private readonly ctx: SubgraphContext) {}

  byId(id: string): Promise<LocalHistoryMaterialEntity | null> {
    return this.ctx.loaders.get(materialByIdLoader).load(id);
  }

  async monumentIds(materialId: string): Promise<string[]> {
    return (await this.ctx.loaders.get(materialMonumentsLoader).load(materialId)).map((link) => link.monumentId);
  }

  async list(filter: LocalHistoryMaterialFilter | null = {}, page: PageRequest): Promise<ConnectionShape<LocalHistoryMaterialEntity>> {
    return paginate(this.listQuery(filter), page);
  }

  /** One page per territory (with the units below it), in the same statements for any number of territories. */
  async listWithin(codes: string[], filter: LocalHistoryMaterialFilter | null | undefined, page: PageRequest): Promise<ConnectionShape<LocalHistoryMaterialEntity>[]> {
    const query = this.listQuery({ ...filter, territory: undefined });
    return paginateTerritories(query, codes, page, { within: (subtree) => `m.territoryCode IN (${subtree})` });
  }

  private listQuery(filter: LocalHistoryMaterialFilter | null | undefined) {
    filter ??= {}; // an explicit null argument from GraphQL
    const query = this.ctx.db.getRepository(LocalHistoryMaterialEntity).createQueryBuilder('m');
    if (filter.territory) {
      query.andWhere('m.territoryCode = ANY(:codes)', { codes: kato().subtreeCodes(filter.territory, 'filter.territory') });
    }
    if (filter.kind) query.andWhere('m.kind = :kind', { kind: filter.kind });
    if (filter.language) query.andWhere('m.language = :language', { language: filter.language });
    if (filter.monument) {
      query.andWhere('EXISTS (SELECT 1 FROM local_history_material_monument mm WHERE mm.material_id = m.id AND mm.monument_id = :monument)', {
        monument: filter.monument.toLowerCase(),
      });
    }
    return query;
  }

  async create(input: CreateLocalHistoryMaterialInput): Promise<LocalHistoryMaterialEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const territory = kato().require(input.territory, 'input.territory');
    requireManagesTerritory(viewer, territory.code, WHAT);
    const url = input.url?.trim() || null;
    const fileRef = input.fileRef?.trim() || null;
    if (!url && !fileRef) throw badUserInput('input.url', 'Give a link or a file reference');
    const monumentIds = distinctMonumentIds(input.monuments ?? [], 'input.monuments');
    const material = this.ctx.db.getRepository(LocalHistoryMaterialEntity).create({
      id: newId(),
      kind: input.kind,
      title: requireText(input.title, 'input.title', 'Give the title'),
      language: input.language,
      authors: cleanAuthors(input.authors ?? [], 'input.authors'),
      description: input.description?.trim() || null,
      territoryCode: territory.code,
      publishedOn: input.publishedOn ?? null,
      url,
      fileRef,
    });
    const saved = await this.ctx.db.transaction(async (manager) => {
      const row = await manager.save(material);
      await replaceMonumentLinks(manager, LocalHistoryMaterialMonumentEntity, { materialId: row.id }, monumentIds);
      return row;
    });
    return this.fresh(saved);
  }

  async update(id: string, input: UpdateLocalHistoryMaterialInput): Promise<LocalHistoryMaterialEntity> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    const saved = await this.ctx.db.transaction(async (manager) => {
      const material = await this.lockForWrite(manager, id);
      requireManagesTerritory(viewer, material.territoryCode, WHAT);
      if (input.territory) {
        const territory = kato().require(input.territory, 'input.territory');
        requireManagesTerritory(viewer, territory.code, WHAT);
        material.territoryCode = territory.code;
      }
      if (input.kind) material.kind = input.kind;
      if (input.language) material.language = input.language;
      if (input.title !== undefined && input.title !== null) material.title = requireText(input.title, 'input.title', 'Give the title');
      if (input.authors) material.authors = cleanAuthors(input.authors, 'input.authors');
      if (input.description !== undefined && input.description !== null) material.description = input.description.trim() || null;
      if (input.publishedOn) material.publishedOn = input.publishedOn;
      if (input.url !== undefined && input.url !== null) material.url = input.url.trim() || null;
      if (input.fileRef !== undefined && input.fileRef !== null) material.fileRef = input.fileRef.trim() || null;
      if (!material.url && !material.fileRef) throw badUserInput(input.url !== undefined ? 'input.url' : 'input.fileRef', 'Keep a link or a file reference');
      const row = await manager.save(material);
      if (input.monuments) {
        await replaceMonumentLinks(manager, LocalHistoryMaterialMonumentEntity, { materialId: row.id }, distinctMonumentIds(input.monuments, 'input.monuments'));
      }
      return row;
    });
    return this.fresh(saved);
  }

  async delete(id: string): Promise<string> {
    const viewer = requireManagerRole(this.ctx.viewer, WHAT);
    await this.ctx.db.transaction(async (manager) => {
      const material = await this.lockForWrite(manager, id);
      requireManagesTerritory(viewer, material.territoryCode, WHAT);
      await manager.delete(LocalHistoryMaterialEntity, { id: material.id });
    });
    this.ctx.loaders.get(materialByIdLoader).clear(id);
    return id;
  }

  private async lockForWrite(manager: EntityManager, id: string): Promise<LocalHistoryMaterialEntity> {
    const material = isUUID(id, 'all')
      ? await manager.getRepository(LocalHistoryMaterialEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!material) throw notFound('LocalHistoryMaterial', id, 'id');
    return material;
  }

  private fresh(material: LocalHistoryMaterialEntity): LocalHistoryMaterialEntity {
    this.ctx.loaders.get(materialByIdLoader).clear(material.id).prime(material.id, material);
    this.ctx.loaders.get(materialMonumentsLoader).clear(material.id);
    return material;
  }
}
