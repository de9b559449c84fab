import { ExifTool } from 'exiftool-vendored';

export class MediaRefused extends Error {}

/**
 * Removes the metadata of MP4 and M4A files in place with ExifTool (`-all=`):
 * phones write the recording place (`©xyz`, Apple's location keys), device make
 * and model into the container, not into the audio or video stream. ExifTool
 * rewrites the container and keeps the streams and their offsets consistent.
 * One ExifTool process serves the gateway, started on first use.
 */
export class MediaMetadataStripper {
  private tool: ExifTool | undefined;

  constructor(private readonly taskTimeoutMs = 60_000) {}

  async strip(file: string): Promise<void> {
    this.tool ??= new ExifTool({ maxProcs: 1, taskTimeoutMillis: this.taskTimeoutMs });
    try {
      await this.tool.deleteAllTags(file);
    } catch {
      throw new MediaRefused('The recording could not be read');
    }
  }

  async close(): Promise<void> {
    await this.tool?.end();
    this.tool = undefined;
  }
}
