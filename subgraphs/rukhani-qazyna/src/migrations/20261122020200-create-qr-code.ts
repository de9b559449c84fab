import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * QR codes placed on monuments and the scans they count. A scan keeps only its time,
 * the language the reader was sent to and a device class: no address, agent string or identifier.
 */
export class CreateQrCode20261122020200 implements MigrationInterface {
  name = 'CreateQrCode20261122020200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE qr_code (
        id uuid PRIMARY KEY,
        monument_id uuid NOT NULL REFERENCES monument (id),
        code text NOT NULL UNIQUE CHECK (code ~ '^[0-9A-Z]{4,32}$'),
        status text NOT NULL DEFAULT 'ISSUED' CHECK (status IN ('ISSUED','INSTALLED','REMOVED')),
        placed_on date,
        installed_by text CHECK (length(btrim(installed_by)) BETWEEN 2 AND 200),
        installer_subject text,
        issued_by_subject text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status = 'ISSUED' OR (placed_on IS NOT NULL AND installed_by IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX qr_code_monument_idx ON qr_code (monument_id)`);
    await q.query(`CREATE INDEX qr_code_installed_idx ON qr_code (monument_id) WHERE status = 'INSTALLED'`);
    await q.query(`
      CREATE TABLE qr_scan (
        id uuid PRIMARY KEY,
        qr_code_id uuid NOT NULL REFERENCES qr_code (id),
        monument_id uuid NOT NULL REFERENCES monument (id),
        scanned_at timestamptz NOT NULL,
        lang text NOT NULL CHECK (lang IN ('kk','ru','en')),
        device text NOT NULL CHECK (device IN ('MOBILE','TABLET','DESKTOP','BOT','UNKNOWN'))
      )`);
    await q.query(`CREATE INDEX qr_scan_scanned_at_idx ON qr_scan (scanned_at)`);
    await q.query(`CREATE INDEX qr_scan_monument_idx ON qr_scan (monument_id, scanned_at)`);
    await q.query(`CREATE INDEX qr_scan_code_idx ON qr_scan (qr_code_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE qr_scan`);
    await q.query(`DROP TABLE qr_code`);
  }
}
