import { entityRef } from '@rz/schema';

/*
 * Entities of the other subgraphs a project links to, by key. Resolvable here (a reference
 * resolves to `{ id }`) because this subgraph adds `projects` to each of them.
 */

/** Owned by tarbie-bilim. */
export const EventRef = entityRef('Event');
/** Owned by atameken. */
export const InitiativeRef = entityRef('Initiative');
/** Owned by rukhani-qazyna. */
export const MonumentRef = entityRef('Monument');
/** Owned by aqparat-tolqyny. */
export const MediaPlanRef = entityRef('MediaPlan');
/** Owned by aqparat-tolqyny. */
export const FaceRef = entityRef('Face');
