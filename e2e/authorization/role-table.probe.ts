import type { SubgraphName } from '@rz/schema';
import { type GraphQLResponse } from '@rz/test-support';

/** Every probe acts on records in Almaty city; the viewers below are inside, beside and below it. */
export const ALMATY = '750000000';
export const ASTANA = '710000000';
/** A district of Almaty: an officer here must not act on city-wide records. */
export const ALMALY_DISTRICT = '751110000';
export const SUBPROGRAMMES: SubgraphName[] = ['tarbie-bilim', 'atameken', 'rukhani-qazyna', 'aqparat-tolqyny'];

export interface ViewerSpec {
  name: string;
  roles: string[];
  territory?: string;
  subprogramme?: string;
  eds?: boolean;
}

/**
 * The viewers every row is tried as. `owner` is a citizen who owns the records fixtures create
 * "as owner" (complaint author, registrant, pledger, supporter, ...); nobody else owns them.
 * `owner` comes after the others so denied viewers meet the record before the owner changes it.
 */
export const VIEWERS: ViewerSpec[] = [
  { name: 'anonymous', roles: [] },
  { name: 'citizen', roles: ['citizen'] },
  { name: 'citizen+eds', roles: ['citizen'], eds: true },
  { name: 'patron', roles: ['citizen', 'patron'] },
  { name: 'ngo', roles: ['ngo'] },
  { name: 'volunteer', roles: ['volunteer'] },
  { name: `akimat_officer@${ALMATY}`, roles: ['akimat_officer'], territory: ALMATY },
  { name: `akimat_officer@${ALMALY_DISTRICT}`, roles: ['akimat_officer'], territory: ALMALY_DISTRICT },
  { name: `akimat_officer@${ASTANA}`, roles: ['akimat_officer'], territory: ASTANA },
  { name: `project_office@${ALMATY}`, roles: ['project_office'], territory: ALMATY },
  { name: `project_office@${ASTANA}`, roles: ['project_office'], territory: ASTANA },
  ...SUBPROGRAMMES.map((s) => ({ name: `ministry_editor:${s}`, roles: ['ministry_editor'], subprogramme: s })),
  { name: 'owner', roles: ['citizen'] },
  { name: 'admin', roles: ['admin'] },
];

/** Record ids (or other values) a probe set looks up or creates before the walk. */
export type Fixtures = Record<string, string>;

export interface FixtureContext {
  gatewayUrl: string;
  /** The bearer token of a viewer of VIEWERS (undefined for anonymous). */
  token(viewer: string): string | undefined;
  /** Runs an operation through the gateway as `viewer` (default admin) and returns its data; any error throws. */
  must(query: string, variables?: Record<string, unknown>, viewer?: string): Promise<any>;
}

export interface Probe {
  /** One operation, exercising exactly the row's mutation or protected field. */
  document: string;
  variables: (f: Fixtures) => Record<string, unknown>;
  /** For a field that is withheld rather than refused: whether the response shows it. */
  shows?: (response: GraphQLResponse) => boolean;
}

/** The probes of one subgraph's rows, and the records they act on. */
export interface ProbeSet {
  subgraph: SubgraphName;
  fixtures: (ctx: FixtureContext) => Promise<Fixtures>;
  probes: Record<string, Probe>;
}

export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
export const later = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
