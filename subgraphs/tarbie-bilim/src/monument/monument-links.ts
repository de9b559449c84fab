import { badUserInput } from '@rz/schema';
import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** The monument ids as listed, lower-cased; one listed twice is BAD_USER_INPUT naming its place (`<field>.<index>`). */
export function distinctMonumentIds(ids: string[], field: string): string[] {
  const seen = new Set<string>();
  for (const [index, id] of ids.entries()) {
    const key = id.toLowerCase();
    if (seen.has(key)) throw badUserInput(`${field}.${index}`, `Monument ${id} is listed twice`, { monumentId: id });
    seen.add(key);
  }
  return [...seen];
}

/** Replaces a record's ordered links to monuments: rows of `owner` (e.g. `{ eventId }`), `monumentId` and `position`. */
export async function replaceMonumentLinks(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  owner: Record<string, string>,
  monumentIds: string[],
): Promise<void> {
  await manager.delete(entity, owner);
  if (monumentIds.length) await manager.insert(entity, monumentIds.map((monumentId, position) => ({ ...owner, monumentId, position })));
}
