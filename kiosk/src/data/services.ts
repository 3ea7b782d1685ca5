// The services with their guidance, from GET /api/v1/services.
import type { KioskService } from '../state.js';

export async function fetchServices(signal?: AbortSignal): Promise<KioskService[]> {
  const response = await fetch('/api/v1/services', { signal: signal ?? null, cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /api/v1/services: ${response.status}`);
  return (await response.json()) as KioskService[];
}
