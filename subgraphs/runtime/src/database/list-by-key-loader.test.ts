import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '../context';
import { groupBy, listByKeyLoader } from './list-by-key-loader';

class Photo {
  id: string;
  monumentId: string;
  status: string;
}

const photos: Photo[] = [
  { id: 'p1', monumentId: 'm1', status: 'SHOWN' },
  { id: 'p2', monumentId: 'm2', status: 'SHOWN' },
  { id: 'p3', monumentId: 'm1', status: 'SHOWN' },
];

describe('listByKeyLoader', () => {
  it('reads the rows of every key in one query, in the order asked, and answers each key with its own list', async () => {
    const calls: unknown[] = [];
    const repository = {
      async find(options: { where: { monumentId: { value: string[] }; status: string }; order: unknown }) {
        calls.push(options);
        return photos.filter((p) => options.where.monumentId.value.includes(p.monumentId));
      },
    };
    const context = { db: { getRepository: () => repository } as unknown as DataSource } as SubgraphContext;
    const loader = listByKeyLoader(Photo, 'monumentId', { order: { id: 'ASC' }, where: { status: 'SHOWN' } })(context);
    const lists = await loader.loadMany(['m1', 'm3', 'm2']);
    expect(lists).toEqual([[photos[0], photos[2]], [], [photos[1]]]);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ where: { status: 'SHOWN', monumentId: { value: ['m1', 'm3', 'm2'] } }, order: { id: 'ASC' } });
  });

  it('groups rows by a key, keeping their order', () => {
    expect(groupBy(photos, (p) => p.monumentId)).toEqual(new Map([['m1', [photos[0], photos[2]]], ['m2', [photos[1]]]]));
  });
});
