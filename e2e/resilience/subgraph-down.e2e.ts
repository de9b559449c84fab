import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SubgraphName } from '@rz/contract';
import { RegionDetailDocument } from '@rz/client';
import { gql, startTestSystem, type TestSystem } from '@rz/test-support';

/**
 * Each subgraph killed in turn (SIGKILL: no goodbye), the dashboard's region query through the
 * gateway: the other subgraphs' figures are there, what the dead one serves is null, and each
 * missing part has a SUBGRAPH_UNAVAILABLE error at its path. The answers are written to
 * $TMPDIR/rz-subgraph-down.json for the record.
 */
const ALMATY = '750000000';

/** The RegionDetail fields of `territory` each subgraph serves (`code` and `names` any of them can). */
const SERVES: Partial<Record<SubgraphName, string[]>> = {
  atameken: ['complaintIndicators', 'submitted', 'accepted', 'inProgress', 'resolved', 'resolvedByCitizens', 'rejected', 'duplicate', 'complaintTrend'],
  'rukhani-qazyna': ['qrCoverage'],
  'tarbie-bilim': ['events', 'clubs'],
  'aqparat-tolqyny': ['mediaPlans', 'faces'],
};

/** Monuments with what three other subgraphs add to them. */
const MONUMENTS = `{ monuments(first: 3) { nodes { id name events { id } complaints(first: 1) { totalCount } mediaCoverage { id } } } }`;
const MONUMENT_FIELDS: Partial<Record<SubgraphName, string>> = { 'tarbie-bilim': 'events', atameken: 'complaints', 'aqparat-tolqyny': 'mediaCoverage' };

interface Answer {
  data?: any;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

const shape = (res: Answer) => ({
  data: res.data === null ? null : res.data?.territory ? Object.fromEntries(Object.entries(res.data.territory).map(([k, v]) => [k, v === null ? null : 'present'])) : res.data,
  errors: res.errors?.map((e) => ({ code: e.extensions?.code, path: e.path?.join('.') })),
});

describe('one subgraph down: the rest of the answer stands', () => {
  let system: TestSystem;
  const record: Record<string, unknown> = {};
  const today = new Date(Date.now() + 5 * 3_600_000).toISOString().slice(0, 10);
  const regionDetail = () => gql(system.gatewayUrl, String(RegionDetailDocument), { code: ALMATY, from: '2026-01-01', to: today, lang: 'RU' });

  beforeAll(async () => {
    system = await startTestSystem();
  }, 180_000);
  afterAll(async () => {
    writeFileSync(join(tmpdir(), 'rz-subgraph-down.json'), `${JSON.stringify(record, null, 2)}\n`);
    await system?.close();
  });

  const kill = async (name: SubgraphName) => {
    const service = system.services.get(name)!;
    const exited = new Promise((resolve) => service.child.once('exit', resolve));
    service.child.kill('SIGKILL');
    await exited;
  };

  it('answers the region dashboard whole while every subgraph is up', async () => {
    const res = await regionDetail();
    record['none down'] = shape(res);
    expect(res.errors).toBeUndefined();
    for (const field of Object.values(SERVES).flat()) expect(res.data!.territory[field]).not.toBeNull();
  });

  it.each(Object.keys(SERVES) as SubgraphName[])('answers the region dashboard with %s down', async (down) => {
    await kill(down);
    try {
      const res = await regionDetail();
      record[`${down} down`] = { regionDetail: shape(res) };
      expect(res.status).toBe(200);
      const territory = res.data!.territory;
      expect(territory).toMatchObject({ code: ALMATY, names: { ru: expect.any(String) } });
      for (const [subgraph, fields] of Object.entries(SERVES)) {
        for (const field of fields) {
          if (subgraph === down) expect(territory[field]).toBeNull();
          else expect(territory[field]).not.toBeNull();
        }
      }
      expect(res.errors?.map((e) => e.path?.join('.')).sort()).toEqual(SERVES[down]!.map((f) => `territory.${f}`).sort());
      expect(res.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);

      // Monuments with what the other subgraphs add to them.
      const monuments: Answer = await gql(system.gatewayUrl, MONUMENTS);
      (record[`${down} down`] as Record<string, unknown>).monuments = { data: monuments.data, errors: shape(monuments).errors };
      if (down === 'rukhani-qazyna') {
        expect(monuments.data).toBeNull();
        expect(monuments.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['monuments'], 'SUBGRAPH_UNAVAILABLE']]);
      } else {
        const nodes = monuments.data.monuments.nodes as Record<string, unknown>[];
        expect(nodes.length).toBeGreaterThan(0);
        const missing = MONUMENT_FIELDS[down]!;
        for (const node of nodes) {
          expect(node.name).toEqual(expect.any(String));
          for (const field of Object.values(MONUMENT_FIELDS)) {
            if (field === missing) expect(node[field]).toBeNull();
            else expect(node[field]).not.toBeNull();
          }
        }
        expect(monuments.errors?.map((e) => e.path?.join('.'))).toEqual(nodes.map((_, i) => `monuments.nodes.${i}.${missing}`));
        expect(monuments.errors?.every((e) => e.extensions?.code === 'SUBGRAPH_UNAVAILABLE')).toBe(true);
      }
    } finally {
      await system.restart(down);
    }
    // Back up: the whole answer again.
    expect((await regionDetail()).errors).toBeUndefined();
  });
});
