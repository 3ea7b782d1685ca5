// Managers (and admins): the office live on connection, after each change of the board and every
// managerRefreshMs without one (ratings, estimates that age); and the alerts, raised, cleared and
// acknowledged; each citizen's feedback filed or changed, so the inbox reads it again, and each
// registration for a public meeting, so the meeting screen reads its line again. Printer
// faults concern the staff too (a visitor may come with no slip); feedback never reaches a desk.
import type { FeedbackChange } from '../voice/feedback-store.js';
import type { AlertView } from './contract.js';
import type { BoardArea } from './board-area.js';
import { ManagerView } from './manager-view.js';
import type { Area, NobatServer, NobatSocket, RealtimeDeps } from './types.js';

export function registerManagers(io: NobatServer, deps: Pick<RealtimeDeps, 'office' | 'read' | 'configs' | 'db' | 'alerts' | 'managerRefreshMs' | 'feedback' | 'meetings'>, board: BoardArea): Area {
  const view = new ManagerView(deps.office, deps.read, deps.db);
  const snapshot = () => view.snapshot(deps.configs.current());
  const emitSnapshot = () => {
    if (io.sockets.adapter.rooms.get('managers')?.size) io.to('managers').emit('manager:snapshot', snapshot());
  };
  board.onChanged(emitSnapshot);
  const refresh = setInterval(emitSnapshot, deps.managerRefreshMs ?? 5000);
  refresh.unref();

  const onRaised = (alert: AlertView) => void io.to(alert.kind === 'printer' ? ['staff', 'managers'] : 'managers').emit('alert:raised', alert);
  const onCleared = (alert: AlertView) => void io.to('managers').emit('alert:cleared', alert);
  const onAcknowledged = (alert: AlertView) => void io.to('managers').emit('alert:acknowledged', alert);
  deps.alerts.on('raised', onRaised).on('cleared', onCleared).on('acknowledged', onAcknowledged);
  const onFeedback = ({ feedbackId, change }: FeedbackChange) => void io.to('managers').emit('feedback:changed', { feedbackId, change });
  deps.feedback?.on('changed', onFeedback);
  const onRegistered = ({ meetingId }: { meetingId: string }) => void io.to('managers').emit('meeting:registered', { meetingId });
  deps.meetings?.on('registered', onRegistered);

  return {
    register(socket: NobatSocket) {
      if (socket.data.role !== 'manager') return;
      void socket.join('managers');
      socket.emit('manager:snapshot', snapshot());
      socket.emit('alerts:snapshot', { alerts: deps.alerts.list() });
    },
    close() {
      clearInterval(refresh);
      deps.alerts.off('raised', onRaised).off('cleared', onCleared).off('acknowledged', onAcknowledged);
      deps.feedback?.off('changed', onFeedback);
      deps.meetings?.off('registered', onRegistered);
    },
  };
}
