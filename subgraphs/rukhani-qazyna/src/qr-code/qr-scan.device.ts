import Bowser from 'bowser';
import { QrScanDevice } from './qr-code.enums';

/** Link previewers and scripts that bowser does not name as bots. */
const AUTOMATED = /bot\b|bot\/|crawl|spider|slurp|preview|facebookexternalhit|whatsapp|curl\/|wget\/|python-|go-http-client|okhttp|java\/|headless/i;

const BY_PLATFORM: Record<string, QrScanDevice> = {
  mobile: QrScanDevice.MOBILE,
  tablet: QrScanDevice.TABLET,
  desktop: QrScanDevice.DESKTOP,
  bot: QrScanDevice.BOT,
};

/** The device class of a user agent; the string is used here and dropped. */
export function deviceClass(userAgent: string | undefined): QrScanDevice {
  const agent = userAgent?.trim();
  if (!agent) return QrScanDevice.UNKNOWN;
  const platform = Bowser.parse(agent).platform.type;
  if (platform && BY_PLATFORM[platform]) return BY_PLATFORM[platform];
  return AUTOMATED.test(agent) ? QrScanDevice.BOT : QrScanDevice.UNKNOWN;
}
