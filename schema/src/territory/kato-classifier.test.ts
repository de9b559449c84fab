import { DomainError } from '../errors/domain-error';
import { kato, TerritoryLevel } from './kato-classifier';

describe('KATO classifier', () => {
  const classifier = kato();

  it('holds the whole classifier with 20 regions and 228 second-level units', () => {
    expect(classifier.size).toBe(15_594);
    expect(classifier.regions).toHaveLength(20);
    const districts = classifier.regions.flatMap((r) => classifier.children(r.code)).filter((c) => c.level === TerritoryLevel.DISTRICT);
    expect(districts).toHaveLength(228);
  });

  it('links city districts of Almaty to the city and settlements to their rural district', () => {
    expect(classifier.require('751710000').parentCode).toBe('750000000');
    expect(classifier.require('751710000').level).toBe(TerritoryLevel.DISTRICT);
    const settlement = classifier.require('623865204');
    expect(settlement.level).toBe(TerritoryLevel.SETTLEMENT);
    expect(classifier.isWithin(settlement.code, '620000000')).toBe(true);
    expect(classifier.path(settlement.code)[0].code).toBe('620000000');
  });

  it('names regions in three languages and gives their administrative centre', () => {
    const almatyRegion = classifier.require('190000000');
    expect(almatyRegion.names).toEqual({ kk: 'Алматы облысы', ru: 'Алматинская область', en: 'Almaty Region' });
    expect(almatyRegion.centre).toMatchObject({ code: '191010000', names: { en: 'Konaev' } });
    expect(almatyRegion.centre!.lat).toBeCloseTo(43.87, 1);
  });

  it('computes a subtree that contains the root and only units below it', () => {
    const subtree = classifier.subtreeCodes('750000000');
    expect(subtree[0]).toBe('750000000');
    expect(subtree).toContain('751710000');
    expect(subtree.every((code) => classifier.isWithin(code, '750000000'))).toBe(true);
    expect(subtree).not.toContain('710000000');
  });

  it('rejects unknown and malformed codes with BAD_USER_INPUT naming the code and field', () => {
    for (const code of ['999999999', '75', "750000000' OR 1=1"]) {
      let error: unknown;
      try {
        classifier.require(code, 'input.territory');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.territory', territoryCode: code } });
      expect((error as Error).message).toContain(code);
    }
  });
});
