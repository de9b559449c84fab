import { buildSchema, getNamedType, isObjectType } from 'graphql';
import { API_SCHEMA_FILE, readSdl } from '../compatibility/schema-files';
import { CONNECTION_FIELDS, KEY_FIELDS } from './connection-fields';

/** The cache policies cover every connection of the API, so a new one cannot be cached page by page by accident. */
describe('connection fields', () => {
  const schema = buildSchema(readSdl(API_SCHEMA_FILE));

  it('lists every field returning a connection, with its list-selecting arguments', () => {
    const found: Record<string, Record<string, string[]>> = {};
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        const returned = getNamedType(field.type);
        if (!isObjectType(returned) || !returned.name.endsWith('Connection')) continue;
        // Besides the page, only counts of the whole list: mergeNodesPage takes those from the latest page.
        const extra = Object.values(returned.getFields()).filter((f) => !['nodes', 'pageInfo', 'totalCount'].includes(f.name));
        expect([returned.name, Object.keys(returned.getFields()).filter((f) => ['nodes', 'pageInfo', 'totalCount'].includes(f)).sort()]).toEqual([returned.name, ['nodes', 'pageInfo', 'totalCount']]);
        expect(extra.filter((f) => String(f.type) !== 'Int!').map((f) => `${returned.name}.${f.name}`)).toEqual([]);
        (found[type.name] ??= {})[field.name] = field.args.map((a) => a.name).filter((a) => a !== 'first' && a !== 'after');
      }
    }
    expect(found).toEqual(CONNECTION_FIELDS);
  });

  it('keys each id-less type by fields it has', () => {
    for (const [type, fields] of Object.entries(KEY_FIELDS)) {
      const t = schema.getType(type);
      expect(isObjectType(t) && fields.every((f) => f in t.getFields()) && !('id' in t.getFields())).toBe(true);
    }
  });
});
