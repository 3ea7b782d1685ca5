// The office's name, charter and public address, which the server writes into the kiosk and display
// pages (static.ts); one reader for every screen.
export interface OfficeInfo {
  name: string;
  nameEn: string | null;
  charter: string | null;
  /**
   * Where phones reach the server, for the QR code: the one the slip prints. The kiosk's own address
   * is no guide: a kiosk browser on the server itself is at localhost.
   */
  publicUrl?: string;
  /** The office's time zone, for dates a page shows. */
  timeZone?: string;
  /** The display's voice (server/config/public.ts); absent in pages served before it existed. */
  audio?: { clipSet: string; chime: boolean };
  /** Whether the office takes bookings, so that the kiosk offers to check one in. */
  booking?: boolean;
}

export function readOffice(doc: Document = document): OfficeInfo {
  const text = doc.getElementById('nb-office')?.textContent;
  if (!text) return { name: '', nameEn: null, charter: null };
  return JSON.parse(text) as OfficeInfo;
}
