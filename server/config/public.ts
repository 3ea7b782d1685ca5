// What of the configuration the public screens may know: written into the kiosk and display pages,
// and sent to every screen over the socket when an admin changes it. Nothing about staff or devices.
import type { OfficeConfig } from './schema.js';

export interface PublicOffice {
  name: string;
  nameEn: string | null;
  charter: string | null;
  announcements: string[];
  timeZone: string;
  audio: { clipSet: string; chime: boolean };
  /** Where phones reach the server (the QR codes): the office's publicUrl, else the address the server found on the office network. */
  publicUrl: string;
  /** Whether the office takes bookings (the kiosk then offers to check one in). */
  booking: boolean;
}

export function publicOffice(config: OfficeConfig, publicUrl: string): PublicOffice {
  return {
    name: config.name,
    nameEn: config.nameEn ?? null,
    charter: config.charter ?? null,
    announcements: config.announcements,
    timeZone: config.timeZone,
    audio: { clipSet: config.audio?.clipSet ?? 'default', chime: config.audio?.chime ?? true },
    publicUrl,
    booking: config.booking !== undefined,
  };
}
