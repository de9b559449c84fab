import { signEvidenceDownload, signEvidenceId, verifyEvidenceDownload, verifyEvidenceId } from './evidence-token';

const SECRET = 'test-secret';
const HASH = 'a'.repeat(64);

describe('evidence tokens', () => {
  it('round-trips a genuine evidence id and refuses tampered ones', () => {
    const id = signEvidenceId(SECRET, HASH, 'photo');
    expect(verifyEvidenceId(SECRET, id)).toEqual({ sha256: HASH, kind: 'photo' });
    expect(verifyEvidenceId('other-secret', id)).toBeNull();
    expect(verifyEvidenceId(SECRET, id.replace('.photo.', '.video.'))).toBeNull();
    expect(verifyEvidenceId(SECRET, `${'b'.repeat(64)}${id.slice(64)}`)).toBeNull();
    expect(verifyEvidenceId(SECRET, 'not-an-id')).toBeNull();
  });

  it('signs download links that expire', () => {
    const now = 1_800_000_000;
    const url = new URL(signEvidenceDownload(SECRET, HASH, now + 300), 'http://x');
    const [exp, sig] = [url.searchParams.get('exp')!, url.searchParams.get('sig')!];
    expect(verifyEvidenceDownload(SECRET, HASH, exp, sig, now)).toBe(true);
    expect(verifyEvidenceDownload(SECRET, HASH, exp, sig, now + 301)).toBe(false);
    expect(verifyEvidenceDownload(SECRET, HASH, String(now + 9_999), sig, now)).toBe(false);
    expect(verifyEvidenceDownload(SECRET, 'c'.repeat(64), exp, sig, now)).toBe(false);
  });
});
