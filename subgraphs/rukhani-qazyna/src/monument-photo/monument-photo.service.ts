import { badUserInput, conflict, localizedColumns, notFound, todayInKazakhstan } from '@rz/schema';
import { newId } from '@rz/subgraph-runtime';
import { isUUID } from 'class-validator';
import { requireManagesTerritory } from '../access/rukhani-qazyna-access';
import { MonumentEntity } from '../monument/monument.entity';
import { MonumentPhotoEntity } from './monument-photo.entity';
import type { AddMonumentPhotoInput } from './monument-photo.input';
import { monumentPhotosLoader } from './monument-photo.loader';
import type { RukhaniQazynaContext } from '../context';

const CAPTION_MAX = 500;

export class MonumentPhotoService {
  constructor(private readonly ctx: RukhaniQazynaContext) {}

  forMonument(monumentId: string): Promise<MonumentPhotoEntity[]> {
    return this.ctx.loaders.get(monumentPhotosLoader).load(monumentId);
  }

  /** Editors, or akimat officers for monuments in their territory. */
  async add(monumentId: string, input: AddMonumentPhotoInput): Promise<MonumentPhotoEntity> {
    if (!isUUID(monumentId)) throw notFound('Monument', monumentId, 'monumentId');
    const monument = await this.ctx.db.getRepository(MonumentEntity).findOneBy({ id: monumentId });
    if (!monument) throw notFound('Monument', monumentId, 'monumentId');
    const viewer = requireManagesTerritory(this.ctx.viewer, monument.territoryCode, 'add photos of this monument');
    const credit = input.credit.trim();
    if (credit.length < 2) throw badUserInput('input.credit', 'Give the attribution to publish with the photo');
    for (const lang of ['kk', 'ru', 'en'] as const) {
      if ((input.caption?.[lang]?.length ?? 0) > CAPTION_MAX) throw badUserInput(`input.caption.${lang}`, `A caption is at most ${CAPTION_MAX} characters`);
    }
    if (input.takenOn && input.takenOn > todayInKazakhstan()) throw badUserInput('input.takenOn', 'The day cannot be in the future');
    const photo: MonumentPhotoEntity = {
      id: newId(),
      monumentId,
      url: input.url.trim(),
      ...localizedColumns('caption', input.caption),
      credit,
      licence: input.licence?.trim() || null,
      takenOn: input.takenOn ?? null,
      addedBySubject: viewer.subject,
      createdAt: new Date(),
    };
    const result = await this.ctx.db.createQueryBuilder().insert().into(MonumentPhotoEntity).values(photo).orIgnore().returning('id').execute();
    if (!result.raw.length) throw conflict('This photo is already on the monument', { field: 'input.url' });
    return photo;
  }

  async remove(id: string): Promise<boolean> {
    if (!isUUID(id)) throw notFound('MonumentPhoto', id, 'id');
    return this.ctx.db.transaction(async (manager) => {
      const photo = await manager.findOne(MonumentPhotoEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!photo) throw notFound('MonumentPhoto', id, 'id');
      const monument = await manager.findOneByOrFail(MonumentEntity, { id: photo.monumentId });
      requireManagesTerritory(this.ctx.viewer, monument.territoryCode, 'remove photos of this monument');
      await manager.delete(MonumentPhotoEntity, { id });
      return true;
    });
  }
}
