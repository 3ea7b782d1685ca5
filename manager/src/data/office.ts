// The office's name and time zone, public, for the header and for the dates of the range presets.
import { send } from '../../../ui/http/api.js';

export interface OfficeInfo {
  name: string;
  nameEn: string | null;
  timeZone: string;
}

export async function fetchOffice(): Promise<OfficeInfo> {
  const { name, nameEn, timeZone } = await send<OfficeInfo>('GET', '/office', { giveUpAfterMs: 60_000 });
  return { name, nameEn, timeZone };
}
