// Alerts over HTTP: the list (for when the live connection is down) and acknowledging one with a comment.
import { send } from '../../../ui/http/api.js';
import type { AlertView } from '../state.js';

export async function fetchAlerts(token: string): Promise<AlertView[]> {
  return (await send<{ alerts: AlertView[] }>('GET', '/alerts', { token })).alerts;
}

export async function acknowledgeAlert(token: string, alertId: number, comment: string): Promise<AlertView> {
  return (await send<{ alert: AlertView }>('POST', `/alerts/${alertId}/ack`, { token, body: { comment } })).alert;
}

/** Unacknowledged first (newest first), then today's acknowledged ones. */
export function upsertAlert(alerts: AlertView[], alert: AlertView): AlertView[] {
  return sortAlerts([alert, ...alerts.filter((a) => a.id !== alert.id)]);
}

export function sortAlerts(alerts: AlertView[]): AlertView[] {
  return [...alerts].sort((a, b) => Number(a.acknowledged !== null) - Number(b.acknowledged !== null) || b.at - a.at);
}
