import { createHash } from 'node:crypto';
import { signEvidenceId } from '@rz/schema';
import { gql, testEnv } from '@rz/test-support';

/** A valid evidence id, as the gateway's upload endpoint would return it. */
export function evidenceId(seed: string): string {
  return signEvidenceId(testEnv().evidenceSecret, createHash('sha256').update(seed).digest('hex'), 'photo');
}

/** Files a complaint through the gateway; returns its id. */
export async function fileComplaint(gatewayUrl: string, token: string, input: Record<string, unknown>): Promise<string> {
  const res = await gql(
    gatewayUrl,
    `mutation($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }`,
    { input: { topic: 'PUBLIC_AMENITIES', text: 'Во дворе не работает освещение уже неделю', evidence: [evidenceId(JSON.stringify(input))], ...input } },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return res.data!.fileComplaint.complaint.id;
}

export async function changeStatus(gatewayUrl: string, token: string, id: string, to: string, comment?: string): Promise<void> {
  const res = await gql(
    gatewayUrl,
    `mutation($id: ID!, $to: ComplaintStatus!, $comment: String) { changeComplaintStatus(id: $id, to: $to, comment: $comment) { status } }`,
    { id, to, comment },
    token,
  );
  if (res.errors) throw new Error(JSON.stringify(res.errors));
}

export async function gatewayStats(gatewayUrl: string): Promise<{ upstream: number; downstream: number }> {
  const health = (await (await fetch(new URL('/health', gatewayUrl))).json()) as { subscriptions: { upstream: number; downstream: number } };
  return health.subscriptions;
}
