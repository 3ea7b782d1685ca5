// The office's name and charter, which the server writes into the display page (static.ts), and the
// services' process-and-timing guidance from GET /api/v1/services, for the slide area.
import type { ServicePoster } from '../state.js';

export interface OfficeInfo {
  name: string;
  nameEn: string | null;
  charter: string | null;
}

export function readOffice(doc: Document = document): OfficeInfo {
  const text = doc.getElementById('nb-office')?.textContent;
  if (!text) return { name: '', nameEn: null, charter: null };
  return JSON.parse(text) as OfficeInfo;
}

export async function fetchPosters(signal?: AbortSignal): Promise<ServicePoster[]> {
  const response = await fetch('/api/v1/services', { signal: signal ?? null, cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /api/v1/services: ${response.status}`);
  const services = (await response.json()) as ServicePoster[];
  return services.map(({ id, name, nameEn, guidance }) => ({ id, name, nameEn, guidance }));
}
