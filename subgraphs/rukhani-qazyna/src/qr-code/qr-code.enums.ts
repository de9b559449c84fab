import { registerEnumType } from 'type-graphql';

export enum QrCodeStatus {
  /** Generated for a monument, not yet on site. */
  ISSUED = 'ISSUED',
  INSTALLED = 'INSTALLED',
  /** Taken down (damaged, replaced); the link keeps working. */
  REMOVED = 'REMOVED',
}

/** Device class of a scan, from the user agent; the agent string itself is not kept. */
export enum QrScanDevice {
  MOBILE = 'MOBILE',
  TABLET = 'TABLET',
  DESKTOP = 'DESKTOP',
  BOT = 'BOT',
  UNKNOWN = 'UNKNOWN',
}

registerEnumType(QrCodeStatus, { name: 'QrCodeStatus', description: 'Issued -> installed -> removed (and installed again)' });
registerEnumType(QrScanDevice, { name: 'QrScanDevice', description: 'Device class of a QR scan' });
