import { badUserInput } from '@rz/schema';
import { gatewaySecretParams } from '@rz/service-kit';
import { GraphQLError } from 'graphql';
import type { AqparatTolqynyConfig } from '../config';
import { MediaSubjectKind } from './media-item.enums';

/** The root query that reads one record of each kind another subgraph owns. */
const QUERY_OF_KIND: Record<Exclude<MediaSubjectKind, MediaSubjectKind.FACE>, { field: string; owner: string }> = {
  [MediaSubjectKind.INITIATIVE]: { field: 'initiative', owner: 'atameken' },
  [MediaSubjectKind.MONUMENT]: { field: 'monument', owner: 'rukhani-qazyna' },
  [MediaSubjectKind.EVENT]: { field: 'event', owner: 'tarbie-bilim' },
};

interface GraphAnswer {
  data?: Record<string, { id: string } | null> | null;
  errors?: { path?: (string | number)[]; extensions?: { code?: string } }[];
}

/**
 * Checks that the initiatives, monuments and events a media item names exist, with the
 * kind given, in the subgraphs that own them. It reads them through the gateway
 * (GATEWAY_URL) as an anonymous client, as the project office does: under the gateway's
 * limits, only what anyone may see (media coverage is public), and without opening the
 * other subgraphs to this one. A monument id given as an event is an event that does not exist.
 */
export class MediaSubjectReferences {
  constructor(private readonly config: Pick<AqparatTolqynyConfig, 'GATEWAY_URL' | 'SUBGRAPH_SHARED_SECRET'>) {}

  /** Throws BAD_USER_INPUT naming `<field>.<index>.id` for the first subject that does not exist; SUBGRAPH_UNAVAILABLE when the graph cannot tell. */
  async requireExisting(subjects: readonly { kind: MediaSubjectKind; id: string }[], field: string): Promise<void> {
    const external = subjects.flatMap((s, index) => (s.kind === MediaSubjectKind.FACE ? [] : [{ index, kind: s.kind, id: s.id }]));
    if (!external.length) return;
    // One request: an alias per subject (at most MAX_SUBJECTS, within the gateway's alias limit).
    const query = `query(${external.map((_, n) => `$s${n}: ID!`).join(', ')}) { ${external
      .map((s, n) => `s${n}: ${QUERY_OF_KIND[s.kind].field}(id: $s${n}) { id }`)
      .join(' ')} }`;
    const variables = Object.fromEntries(external.map((s, n) => [`s${n}`, s.id]));
    const answer = await this.ask(query, variables);
    const missing = new Set((answer.errors ?? []).filter((e) => e.extensions?.code === 'NOT_FOUND').map((e) => e.path?.[0]));
    const failed = (answer.errors ?? []).filter((e) => e.extensions?.code !== 'NOT_FOUND');
    if (failed.length || !answer.data) throw unavailable();
    for (const [n, subject] of external.entries()) {
      const alias = `s${n}`;
      if (answer.data[alias]?.id && !missing.has(alias)) continue;
      const { owner } = QUERY_OF_KIND[subject.kind];
      throw badUserInput(`${field}.${subject.index}.id`, `No ${subject.kind.toLowerCase()} ${subject.id} in ${owner}`, { kind: subject.kind });
    }
  }

  private async ask(query: string, variables: Record<string, string>): Promise<GraphAnswer> {
    try {
      const response = await fetch(this.config.GATEWAY_URL, {
        method: 'POST',
        // The shared secret lets our own per-request documents through where the public must send trusted ids (docs/frontend.md).
        headers: { 'content-type': 'application/json', accept: 'application/json', ...gatewaySecretParams(this.config.SUBGRAPH_SHARED_SECRET) },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(10_000),
      });
      return (await response.json()) as GraphAnswer;
    } catch {
      throw unavailable();
    }
  }
}

/** Not knowing is not "does not exist": the planner is told to try again. */
function unavailable(): GraphQLError {
  return new GraphQLError('The subjects cannot be checked right now: the initiatives, monuments and events did not answer. Try again shortly.', {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', field: 'input.subjects' },
  });
}
