import { parse, print, visit } from 'graphql';
import { clientOperations } from './compatibility/client-operations';
import { compareSchemas, formatChanges } from './compatibility/schema-compatibility';
import { API_SCHEMA_FILE, readSdl, RELEASED_API_SCHEMA_FILE } from './compatibility/schema-files';

/** Removes `Type.field` from an SDL. */
function withoutField(sdl: string, type: string, field: string): string {
  return print(
    visit(parse(sdl), {
      ObjectTypeDefinition: (node) =>
        node.name.value === type ? { ...node, fields: node.fields?.filter((f) => f.name.value !== field) } : undefined,
    }),
  );
}

/**
 * Clients built against the released API (schema/api.released.graphql) must keep working with the
 * API the gateway serves now (schema/api.graphql). Releasing a breaking change is done on purpose:
 * see docs/frontend.md.
 */
describe('API compatibility with the released schema', () => {
  const operations = clientOperations();

  it('schema/api.graphql makes no breaking change to schema/api.released.graphql', async () => {
    const report = await compareSchemas(readSdl(RELEASED_API_SCHEMA_FILE), readSdl(API_SCHEMA_FILE), operations);
    if (report.dangerous.length) {
      console.warn(formatChanges('Dangerous changes since the released API: clients may behave differently', report.dangerous));
    }
    if (report.breaking.length) {
      throw new Error(
        `${formatChanges('Breaking changes since the released API (schema/api.released.graphql)', report.breaking)}\n` +
          'Restore what clients use, deprecate it first, or release the new API on purpose (docs/frontend.md).',
      );
    }
  });

  it('names the client operations a removed field breaks', async () => {
    const released = readSdl(RELEASED_API_SCHEMA_FILE);
    const report = await compareSchemas(released, withoutField(released, 'Complaint', 'isOverdue'), operations);
    expect(report.breaking).toEqual([expect.objectContaining({ path: 'Complaint.isOverdue' })]);
    expect([...report.breaking[0].operations].sort()).toEqual(['ChangeComplaintStatus', 'ComplaintStatusChanged', 'ComplaintsPage', 'OfficerWorkList']);
    expect(formatChanges('Breaking changes', report.breaking)).toContain("Field 'isOverdue' was removed from object type 'Complaint'");
  });

  it('names the operations an enum value they receive breaks, and prints an added value as dangerous', async () => {
    const released = readSdl(RELEASED_API_SCHEMA_FILE);
    const removed = released.replace(/^(enum ComplaintStatus \{[\s\S]*?)\n\s*DUPLICATE\n/m, '$1\n');
    expect(removed).not.toBe(released);
    const report = await compareSchemas(released, removed, operations);
    const change = report.breaking.find((c) => c.path === 'ComplaintStatus.DUPLICATE');
    expect(change?.operations).toEqual(expect.arrayContaining(['ComplaintStatusChanged', 'RegionDetail', 'ChangeComplaintStatus']));
    expect(change?.operations).not.toContain('RegionsOverview');

    const added = await compareSchemas(removed, released, operations);
    expect(added.breaking).toEqual([]);
    expect(added.dangerous.map((c) => c.path)).toContain('ComplaintStatus.DUPLICATE');
  });

  it('still fails on a removed field that no operation of ours uses (other clients may), naming none', async () => {
    const released = readSdl(RELEASED_API_SCHEMA_FILE);
    const report = await compareSchemas(released, withoutField(released, 'Complaint', 'reopenableUntil'), operations);
    expect(report.breaking).toEqual([expect.objectContaining({ path: 'Complaint.reopenableUntil', operations: [] })]);
  });
});
