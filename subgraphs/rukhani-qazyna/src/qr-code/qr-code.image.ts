import QRCode from 'qrcode';

/** Medium error correction survives scratches and dirt on an outdoor plate. */
const OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const;

export const PNG_SIZE = { min: 128, max: 2048, default: 512 } as const;

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { ...OPTIONS, type: 'svg' });
}

export function qrPng(url: string, width: number = PNG_SIZE.default): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...OPTIONS, type: 'png', width });
}

/** ?size= of a PNG request, clamped to a printable range. */
export function pngWidth(size: unknown): number {
  const n = typeof size === 'string' ? Number.parseInt(size, 10) : NaN;
  return Number.isFinite(n) ? Math.min(PNG_SIZE.max, Math.max(PNG_SIZE.min, n)) : PNG_SIZE.default;
}
