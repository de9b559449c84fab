import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import sharp from 'sharp';
import { signEvidenceDownload, verifyEvidenceId } from '@rz/schema';
import { startTestSystem, type TestSystem, testEnv, testToken } from '@rz/test-support';

const MIB = 1024 * 1024;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A photo as a phone would send it: GPS position and device in EXIF. */
async function jpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 96, height: 64, channels: 3, background: '#b44' } })
    .withExif({
      IFD0: { Make: 'AcmePhone', Model: 'Spy 3000', Software: 'Camera 1.0' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '43/1 14/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '76/1 53/1 0/1' },
    })
    .jpeg()
    .toBuffer();
}

/** A valid 16-bit mono PCM WAV with a few samples. */
function wav(samples = 800): Buffer {
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i += 1) data.writeInt16LE(Math.round(Math.sin(i / 5) * 8000), i * 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(16000, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  return Buffer.concat([header, data]);
}

const box = (type: string, ...parts: Buffer[]) => {
  const body = Buffer.concat(parts);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(8 + body.length);
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, body]);
};

/**
 * A recording as an Android phone writes it: `ftyp`, a `moov` whose user data holds
 * the place (`©xyz`, ISO 6709) and the device (`©mak`, `©mod`), then media data.
 */
function recordingWithPlace(brand: 'isom' | 'M4A '): Buffer {
  const ftyp = box('ftyp', Buffer.from(brand, 'latin1'), Buffer.from([0, 0, 2, 0]), Buffer.from(`${brand}mp41`, 'latin1'));
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12); // timescale
  mvhd.writeUInt32BE(0x00010000, 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 24); // volume 1.0
  [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].forEach((v, i) => mvhd.writeUInt32BE(v, 36 + i * 4));
  mvhd.writeUInt32BE(2, 96); // next track id
  const text = (value: string) => {
    const bytes = Buffer.from(value, 'latin1');
    return Buffer.concat([Buffer.from([0, bytes.length, 0x15, 0xc7]), bytes]);
  };
  const udta = box('udta', box('\u00a9xyz', text('+43.2389+076.8897/')), box('\u00a9mak', text('AcmePhone')), box('\u00a9mod', text('Spy 3000')));
  return Buffer.concat([ftyp, box('moov', box('mvhd', mvhd), udta), box('mdat', Buffer.alloc(4096, 7))]);
}

/** An ISO BMFF file (MP4) as file-type sees it: an `ftyp` box, then media data. */
function mp4(size = 64 * 1024): Buffer {
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')]);
  const mdat = Buffer.alloc(size);
  mdat.writeUInt32BE(size, 0);
  mdat.write('mdat', 4);
  return Buffer.concat([ftyp, mdat]);
}

describe('evidence upload endpoint', () => {
  let system: TestSystem;
  let base: string;
  let citizen: string;
  const secret = () => testEnv().evidenceSecret;

  beforeAll(async () => {
    // Uploads go to a scratch store, not the development one in .data/evidence.
    system = await startTestSystem({ seedDemo: false, gatewayEnv: { EVIDENCE_DIR: mkdtempSync(join(tmpdir(), 'rz-evidence-e2e-')) } });
    base = new URL('/', system.gatewayUrl).toString().replace(/\/$/, '');
    citizen = await testToken({ roles: ['citizen'], subject: 'e2e-evidence-citizen' });
  }, 180_000);
  afterAll(() => system?.close());

  const upload = async (body: Uint8Array, headers: Record<string, string> = {}, token: string | null = citizen) => {
    const response = await fetch(`${base}/evidence`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body,
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  const download = (hash: string, exp: number) => fetch(`${base}${signEvidenceDownload(secret(), hash, exp)}`);
  const inAMinute = () => Math.floor(Date.now() / 1000) + 60;

  it('stores a photo without its GPS position or device, under the hash of the stored bytes', async () => {
    const original = await jpegWithGps();
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.any(Number) });

    const res = await upload(original, { 'content-type': 'image/jpeg' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'photo', size: expect.any(Number) });
    const id = verifyEvidenceId(secret(), res.body.id);
    expect(id).toMatchObject({ kind: 'photo' });

    const served = await download(id!.sha256, inAMinute());
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const bytes = Buffer.from(await served.arrayBuffer());
    expect(bytes.length).toBe(res.body.size);
    expect(sha256(bytes)).toBe(id!.sha256);
    expect(await exifr.gps(bytes)).toBeUndefined();
    const left = await exifr.parse(bytes, { tiff: true, gps: true, exif: true, xmp: true, iptc: true });
    expect(JSON.stringify(left ?? {})).not.toMatch(/AcmePhone|Spy 3000|GPS/);
    const meta = await sharp(bytes).metadata();
    expect(meta).toMatchObject({ format: 'jpeg', width: 96, height: 64 });
    expect(meta.exif).toBeUndefined();
  });

  it('stores MP4 video and M4A audio without the recording place or device', async () => {
    for (const [brand, kind] of [
      ['isom', 'video'],
      ['M4A ', 'audio'],
    ] as const) {
      const original = recordingWithPlace(brand);
      expect(original.includes(Buffer.from('+43.2389'))).toBe(true);
      const res = await upload(original);
      expect(res.status).toBe(201);
      expect(res.body.kind).toBe(kind);
      const id = verifyEvidenceId(secret(), res.body.id)!;
      const served = await download(id.sha256, inAMinute());
      expect(served.status).toBe(200);
      const bytes = Buffer.from(await served.arrayBuffer());
      expect(sha256(bytes)).toBe(id.sha256);
      expect(bytes.length).toBe(res.body.size);
      for (const leak of ['+43.2389', '076.8897', 'AcmePhone', 'Spy 3000']) expect({ kind, leak, found: bytes.includes(Buffer.from(leak)) }).toEqual({ kind, leak, found: false });
      // Still the same container, with its movie header and media data.
      expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
      expect(bytes.includes(Buffer.from('mvhd'))).toBe(true);
      expect(bytes.includes(Buffer.alloc(4096, 7))).toBe(true);
    }
  });

  it('refuses an MP4 whose container cannot be read (its metadata could not be removed)', async () => {
    const broken = Buffer.concat([recordingWithPlace('isom').subarray(0, 40), Buffer.from([0xff, 0xff, 0xff, 0xff, ...Buffer.from('moov')]), Buffer.alloc(64, 1)]);
    const res = await upload(broken);
    expect(res.status).toBe(415);
    expect(res.body.errors[0]).toMatchObject({ message: 'The recording could not be read', extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
  });

  it('keeps audio and video bytes as sent and serves byte ranges', async () => {
    const audio = wav();
    const audioRes = await upload(audio, { 'content-type': 'image/png' }); // the declared type is ignored
    expect(audioRes.status).toBe(201);
    expect(audioRes.body).toEqual({ id: expect.any(String), kind: 'audio', size: audio.length });
    expect(verifyEvidenceId(secret(), audioRes.body.id)).toEqual({ sha256: sha256(audio), kind: 'audio' });

    const video = mp4();
    const videoRes = await upload(video);
    expect(videoRes.status).toBe(201);
    expect(videoRes.body).toMatchObject({ kind: 'video', size: video.length });

    const url = `${base}${signEvidenceDownload(secret(), sha256(video), inAMinute())}`;
    const part = await fetch(url, { headers: { range: 'bytes=4-11' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 4-11/${video.length}`);
    expect(Buffer.from(await part.arrayBuffer()).toString('latin1')).toBe('ftypisom');
  });

  it.each([
    ['a PDF sent as a JPEG', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), 'image/jpeg'],
    ['a Windows executable sent as a PNG', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0'), Buffer.alloc(512)]), 'image/png'],
    ['a Linux executable sent as a JPEG', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(1024)]), 'image/jpeg'],
    ['an HTML page sent as a WebP', Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'image/webp'],
    ['a truncated JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0, 0, 1]), 'image/jpeg'],
  ])('refuses %s (415)', async (_case, body, contentType) => {
    const res = await upload(body, { 'content-type': contentType });
    expect(res.status).toBe(415);
    expect(res.body.errors[0].extensions.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a photo over 10 MiB while it arrives, and a body announced over the largest limit at once', async () => {
    const photo = await jpegWithGps();
    const oversized = Buffer.concat([photo, Buffer.alloc(10 * MIB + 1 - photo.length, 0x20)]);
    const res = await upload(oversized);
    expect(res.status).toBe(413);
    expect(res.body.errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');

    // 200 MiB announced, 1 KiB sent: the answer comes without waiting for the rest.
    const announced = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${base}/evidence`, {
        method: 'POST',
        headers: { authorization: `Bearer ${citizen}`, 'content-length': String(200 * MIB) },
      });
      req.on('response', (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, body }));
      });
      req.on('error', reject);
      req.write(Buffer.alloc(1024));
    });
    expect(announced.status).toBe(413);
    expect(JSON.parse(announced.body).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses uploads without a valid token (401)', async () => {
    const photo = await jpegWithGps();
    const anonymous = await upload(photo, {}, null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const expired = await testToken({ roles: ['citizen'], subject: 'e2e-expired', expiresIn: '-1m' });
    expect((await upload(photo, {}, expired)).status).toBe(401);
    const otherAudience = await testToken({ roles: ['citizen'], audience: 'another-service' });
    expect((await upload(photo, {}, otherAudience)).status).toBe(401);
    const encode = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    expect((await upload(photo, {}, `${encode({ alg: 'none' })}.${encode({ sub: 'x', roles: ['admin'] })}.`)).status).toBe(401);
  });

  it('serves a file only with a valid, unexpired signature; no details otherwise', async () => {
    const audio = wav(400);
    const res = await upload(audio);
    const hash = verifyEvidenceId(secret(), res.body.id)!.sha256;
    expect((await download(hash, inAMinute())).status).toBe(200);

    const now = Math.floor(Date.now() / 1000);
    const expired = await download(hash, now - 1);
    expect(expired.status).toBe(403);
    const signed = signEvidenceDownload(secret(), hash, inAMinute());
    const tampered = [
      signed.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
      signed.replace(/exp=\d+/, `exp=${now + 86_400}`),
      signed.replace(/&sig=[^&]+/, ''),
      `/evidence/${hash}`,
      signEvidenceDownload('another-secret-of-16-chars', hash, inAMinute()),
      signed.replace(hash, sha256(Buffer.from('another file'))),
    ];
    for (const path of tampered) {
      const response = await fetch(`${base}${path}`);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }] });
    }
    const missing = await download(sha256(Buffer.from('never uploaded')), inAMinute());
    expect(missing.status).toBe(404);
  });
});
