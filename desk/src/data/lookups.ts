// Names the desk shows beside ids: the services (public) and the other desks (staff only).
import type { DeskInfo, ServiceInfo } from '../state.js';
import { send } from '../../../ui/http/api.js';

export async function fetchServices(): Promise<ServiceInfo[]> {
  const services = await send<ServiceInfo[]>('GET', '/services');
  return services.map(({ id, name, nameEn, open }) => ({ id, name, nameEn, open }));
}

export async function fetchDesks(token: string): Promise<DeskInfo[]> {
  const desks = await send<DeskInfo[]>('GET', '/desks', { token });
  return desks.map(({ id, name, number, open, paused }) => ({ id, name, number, open, paused }));
}

