// The manager's live connection over Socket.IO: the office snapshot, the alerts and their changes,
// and word that the citizens' feedback changed.
// Only the app shell calls this. On every (re)connection the server sends fresh snapshots first, so a
// screen that was cut off resynchronises by itself.
import { openStaffSocket, type StaffConnectionHandlers } from '../../../ui/realtime/live-socket.js';
import type { AlertView, ManagerSnapshot } from '../state.js';

export interface LiveHandlers extends StaffConnectionHandlers {
  onSnapshot(snapshot: ManagerSnapshot): void;
  onAlerts(alerts: AlertView[]): void;
  /** One alert raised, cleared or acknowledged. */
  onAlert(alert: AlertView): void;
  /** A citizen's feedback was filed or changed (the inbox reads it again). */
  onFeedbackChanged(): void;
  /** A citizen registered for a public meeting (the meeting screen reads its line again). */
  onMeetingRegistered(): void;
}

/** Connects and keeps reconnecting; returns the function that disconnects for good. */
export function connectManager(token: string, handlers: LiveHandlers): () => void {
  const { socket, close } = openStaffSocket({ token }, handlers);
  socket.on('manager:snapshot', (snapshot) => handlers.onSnapshot(snapshot));
  socket.on('alerts:snapshot', ({ alerts }) => handlers.onAlerts(alerts));
  socket.on('alert:raised', (alert) => handlers.onAlert(alert));
  socket.on('alert:cleared', (alert) => handlers.onAlert(alert));
  socket.on('alert:acknowledged', (alert) => handlers.onAlert(alert));
  socket.on('feedback:changed', () => handlers.onFeedbackChanged());
  socket.on('meeting:registered', () => handlers.onMeetingRegistered());
  return close;
}
