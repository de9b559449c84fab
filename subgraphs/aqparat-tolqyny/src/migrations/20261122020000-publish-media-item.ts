import type { MigrationInterface, QueryRunner } from 'typeorm';

export class PublishMediaItem20261122020000 implements MigrationInterface {
  name = 'PublishMediaItem20261122020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE media_item
        ADD COLUMN link text CHECK (link ~ '^https?://[^[:space:]]+$' AND length(link) <= 2000),
        ADD COLUMN published_on date,
        ADD COLUMN reach integer CHECK (reach >= 0),
        ADD COLUMN cancellation_reason text CHECK (length(trim(cancellation_reason)) BETWEEN 1 AND 1000),
        ADD COLUMN closed_at timestamptz,
        ADD COLUMN closed_by text,
        ADD CONSTRAINT media_item_published_ck CHECK (
          (status = 'PUBLISHED' AND link IS NOT NULL AND published_on IS NOT NULL AND reach IS NOT NULL)
          OR (status <> 'PUBLISHED' AND link IS NULL AND published_on IS NULL AND reach IS NULL)
        ),
        ADD CONSTRAINT media_item_cancelled_ck CHECK (status = 'CANCELLED' OR cancellation_reason IS NULL),
        ADD CONSTRAINT media_item_closed_ck CHECK ((status = 'PLANNED') = (closed_at IS NULL AND closed_by IS NULL))`);
    // Coverage and "already in the media" read published items by date.
    await q.query(`CREATE INDEX media_item_published_on_idx ON media_item (published_on) WHERE status = 'PUBLISHED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX media_item_published_on_idx`);
    await q.query(`
      ALTER TABLE media_item
        DROP CONSTRAINT media_item_closed_ck,
        DROP CONSTRAINT media_item_cancelled_ck,
        DROP CONSTRAINT media_item_published_ck,
        DROP COLUMN closed_by,
        DROP COLUMN closed_at,
        DROP COLUMN cancellation_reason,
        DROP COLUMN reach,
        DROP COLUMN published_on,
        DROP COLUMN link`);
  }
}
