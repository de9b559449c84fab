import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import type { EvidenceStore } from './evidence-store';
import { FileEvidenceStore } from './file-evidence-store';
import { S3EvidenceStore } from './s3-evidence-store';

/** Just enough of the S3 protocol (path-style PUT, HEAD, GET with Range) to check what the store sends. */
async function startFakeS3(): Promise<{ url: string; objects: Map<string, { body: Buffer; type: string; kind?: string }>; server: Server }> {
  const objects = new Map<string, { body: Buffer; type: string; kind?: string }>();
  const server = createServer((req, res) => {
    const key = decodeURIComponent(new URL(req.url!, 'http://s3').pathname);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'PUT') {
        objects.set(key, { body: Buffer.concat(chunks), type: String(req.headers['content-type']), kind: req.headers['x-amz-meta-kind'] as string });
        res.setHeader('etag', '"x"');
        return res.end();
      }
      const object = objects.get(key);
      if (!object) {
        res.statusCode = 404;
        return res.end(req.method === 'HEAD' ? undefined : '<Error><Code>NoSuchKey</Code></Error>');
      }
      res.setHeader('content-type', object.type);
      if (object.kind) res.setHeader('x-amz-meta-kind', object.kind);
      const range = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
      const body = range ? object.body.subarray(Number(range[1]), Number(range[2]) + 1) : object.body;
      res.statusCode = range ? 206 : 200;
      res.setHeader('content-length', String(body.length));
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, objects, server };
}

async function text(stream: Readable): Promise<string> {
  let out = '';
  for await (const chunk of stream) out += chunk;
  return out;
}

describe.each([
  ['filesystem', async () => ({ store: await new FileEvidenceStore(mkdtempSync(join(tmpdir(), 'rz-evidence-'))).init(), close: async (): Promise<void> => undefined })],
  [
    'S3-compatible',
    async () => {
      const fake = await startFakeS3();
      const store = await new S3EvidenceStore({
        bucket: 'evidence-bucket',
        endpoint: fake.url,
        region: 'kz-test-1',
        credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
      }).init();
      return {
        store,
        fake,
        close: async (): Promise<void> => {
          store.destroy();
          await new Promise((resolve) => fake.server.close(resolve));
        },
      };
    },
  ],
] as const)('%s evidence store', (_name, open) => {
  let store: EvidenceStore;
  let opened: Awaited<ReturnType<typeof open>>;
  beforeAll(async () => {
    opened = await open();
    store = opened.store;
  });
  afterAll(() => opened.close());

  const spool = (content: string) => {
    const file = join(store.spoolDir, `${Math.random().toString(36).slice(2)}.upload`);
    writeFileSync(file, content);
    return { file, sha256: createHash('sha256').update(content).digest('hex') };
  };

  it('stores a file under its hash with its kind and type, reads it whole or by range, and consumes the spooled copy', async () => {
    const { file, sha256 } = spool('0123456789 evidence bytes');
    await store.put(sha256, file, { kind: 'audio', mime: 'audio/wav', size: 25 });
    expect(existsSync(file)).toBe(false);
    expect(await store.stat(sha256)).toEqual({ kind: 'audio', mime: 'audio/wav', size: 25 });
    expect(await text(await store.read(sha256))).toBe('0123456789 evidence bytes');
    expect(await text(await store.read(sha256, { start: 2, end: 5 }))).toBe('2345');
    if ('fake' in opened) expect([...opened.fake.objects.keys()]).toContain(`/evidence-bucket/evidence/${sha256}`);
  });

  it('keeps the first copy when the same content is stored again', async () => {
    const first = spool('same content');
    await store.put(first.sha256, first.file, { kind: 'photo', mime: 'image/png', size: 12 });
    const again = spool('same content');
    await store.put(again.sha256, again.file, { kind: 'photo', mime: 'image/png', size: 12 });
    expect(existsSync(again.file)).toBe(false);
    expect(await store.stat(first.sha256)).toEqual({ kind: 'photo', mime: 'image/png', size: 12 });
  });

  it('knows nothing of a hash never stored', async () => {
    expect(await store.stat('f'.repeat(64))).toBeNull();
  });
});
