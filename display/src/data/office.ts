// The office's name and charter, which the server writes into the display page (static.ts), and the
// services' process-and-timing guidance from GET /api/v1/services, for the slide area.
import type { ServicePoster } from '../state.js';

// The page carries the office the same way for every screen; ui/office.ts reads it for all.
export { readOffice, type OfficeInfo } from '../../../ui/office.js';

export async function fetchPosters(signal?: AbortSignal): Promise<ServicePoster[]> {
  const response = await fetch('/api/v1/services', { signal: signal ?? null, cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /api/v1/services: ${response.status}`);
  const services = (await response.json()) as ServicePoster[];
  return services.map(({ id, name, nameEn, guidance }) => ({ id, name, nameEn, guidance }));
}
