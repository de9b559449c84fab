import sharp from 'sharp';

export interface StripImageOptions {
  /** Refuse images larger than this many pixels (decompression bombs). */
  maxPixels: number;
  format: 'jpeg' | 'png' | 'webp';
}

export class ImageRefused extends Error {
  constructor(
    readonly reason: 'too-large' | 'unreadable',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Decodes and re-encodes an image. sharp writes no EXIF, XMP, IPTC or ICC data
 * unless asked, so GPS position, device make/model and timestamps are gone; the
 * EXIF orientation is applied to the pixels first so the photo stays upright.
 */
export async function stripImageMetadata(file: string, options: StripImageOptions): Promise<Buffer> {
  const image = sharp(file, { limitInputPixels: options.maxPixels, failOn: 'error', sequentialRead: true }).rotate();
  try {
    if (options.format === 'png') return await image.png({ compressionLevel: 9 }).toBuffer();
    if (options.format === 'webp') return await image.webp({ quality: 90 }).toBuffer();
    return await image.jpeg({ quality: 90 }).toBuffer();
  } catch (error) {
    const message = (error as Error).message;
    if (/pixel limit/i.test(message)) throw new ImageRefused('too-large', 'Image dimensions are too large');
    throw new ImageRefused('unreadable', 'The image could not be decoded');
  }
}
