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

/** Reads a stream as text until `done(text)` holds, then stops reading. */
export async function readUntil(body: ReadableStream<Uint8Array>, done: (text: string) => boolean): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!done(text)) {
    const { value, done: ended } = await reader.read();
    if (ended) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}

/** The parts of an Apollo multipart subscription response (boundary "graphql"), heartbeats (`{}`) left out. */
export function readMultipart(body: ReadableStream<Uint8Array>) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parts: { payload?: any; errors?: unknown[] }[] = [];
  let text = '';
  const reading = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value, { stream: true });
      const chunks = text.split('\r\n--graphql');
      text = chunks.pop()!; // possibly incomplete
      for (const chunk of chunks) {
        const json = chunk.slice(chunk.indexOf('\r\n\r\n') + 4);
        if (chunk.includes('\r\n\r\n') && json.trim() && json.trim() !== '{}') parts.push(JSON.parse(json));
      }
    }
  })();
  return {
    parts,
    async take(count: number, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (parts.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      return parts;
    },
    cancel: () => void reader.cancel().then(() => reading),
  };
}
