// Names the desk shows beside ids: the services (public) and the other desks (staff only).
import type { DeskInfo, DeskView, ServiceInfo } from '../state.js';
import { send } from '../../../ui/http/api.js';

export async function fetchServices(): Promise<ServiceInfo[]> {
  const services = await send<ServiceInfo[]>('GET', '/services');
  return services.map(({ id, name, nameEn, open }) => ({ id, name, nameEn, open }));
}

export async function fetchDesks(token: string): Promise<DeskInfo[]> {
  const desks = await send<DeskInfo[]>('GET', '/desks', { token });
  return desks.map(({ id, name, number, open, paused }) => ({ id, name, number, open, paused }));
}

/** The desk's whole view over HTTP, for when the live connection is down. */
export function fetchDeskView(token: string, deskId: string): Promise<DeskView> {
  return send<DeskView>('GET', `/desks/${encodeURIComponent(deskId)}`, { token });
}
