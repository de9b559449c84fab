import { buildSchema, isScalarType, specifiedScalarTypes, validate } from 'graphql';
import { clientOperations } from './compatibility/client-operations';
import { API_SCHEMA_FILE, readSdl } from './compatibility/schema-files';
import { SCALAR_TYPES } from './scalars';

/** The client's operations must be valid against the API the gateway serves now (schema/api.graphql). */
describe('@rz/client operations', () => {
  const schema = buildSchema(readSdl(API_SCHEMA_FILE));
  const operations = clientOperations();

  it('compiles every document in src/operations', () => {
    expect(operations.map((op) => op.name).sort()).toEqual([
      'ChangeComplaintStatus',
      'ComplaintStatusChanged',
      'ComplaintsPage',
      'FileComplaint',
      'MarkNotificationsRead',
      'MyNotificationSettings',
      'MyNotifications',
      'NotificationAdded',
      'OfficerWorkList',
      'RegionDetail',
      'RegionsOverview',
      'UpdateNotificationSettings',
    ]);
  });

  it.each(operations.map((op) => [op.name, op] as const))('%s is valid against schema/api.graphql', (_name, op) => {
    expect(validate(schema, op.document).map((e) => e.message)).toEqual([]);
  });

  it('maps every custom scalar of the API to a TypeScript type', () => {
    const builtIn = new Set(specifiedScalarTypes.map((t) => t.name));
    const custom = Object.values(schema.getTypeMap())
      .filter((t) => isScalarType(t) && !builtIn.has(t.name))
      .map((t) => t.name)
      .sort();
    expect(Object.keys(SCALAR_TYPES).sort()).toEqual(custom);
  });
});
