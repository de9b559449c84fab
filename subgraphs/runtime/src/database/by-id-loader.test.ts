import type { DataSource } from 'typeorm';
import type { SubgraphContext } from '../context';
import { byIdLoader } from './by-id-loader';

class Row {
  id: string;
}

const A = '0190f5a2-7c4e-7000-8000-000000000001';
const B = '0190f5a2-7c4e-7000-8000-000000000002';
const MISSING = '0190f5a2-7c4e-7000-8000-0000000000ff';

function contextWith(rows: Row[], queries: unknown[]): SubgraphContext {
  const repository = {
    async findBy(where: { id: { value: string[] } }) {
      queries.push(where.id.value);
      return rows.filter((r) => where.id.value.includes(r.id));
    },
  };
  return { db: { getRepository: () => repository } as unknown as DataSource } as SubgraphContext;
}

describe('byIdLoader', () => {
  it('answers each id in order with one query, null for unknown and malformed ids, ignoring case', async () => {
    const queries: unknown[] = [];
    const loader = byIdLoader(Row)(contextWith([{ id: A }, { id: B }], queries));
    const result = await loader.loadMany([B, 'not-an-id', A.toUpperCase(), MISSING, A]);
    expect(result).toEqual([{ id: B }, null, { id: A }, null, { id: A }]);
    // The malformed id never reaches the database; the same id in two cases is asked once.
    expect(queries).toEqual([[B, A, MISSING]]);
  });

  it('asks nothing when no id is well formed', async () => {
    const queries: unknown[] = [];
    const loader = byIdLoader(Row)(contextWith([], queries));
    await expect(loader.load('42')).resolves.toBeNull();
    expect(queries).toEqual([]);
  });
});
