// Kiosks: their room, and whether the ticket a kiosk just issued was printed, told to that kiosk (on
// a fault it keeps the ticket on screen). A kiosk is known by its actor id, as its requests are; the
// demo's kiosks on the server's own machine, without a token, share one.
import { actorId } from '../auth/principal.js';
import type { PrintOutcome } from '../devices/printing.js';
import type { Area, NobatServer, NobatSocket, RealtimeDeps } from './types.js';

export function registerKiosk(io: NobatServer, deps: Pick<RealtimeDeps, 'printing'>): Area {
  const onPrinted = ({ ticketId, result, by }: PrintOutcome) =>
    void io.to(by ? askerRoom(by) : 'kiosk').emit('print:result', result.ok ? { ticketId, ok: true } : { ticketId, ok: false, fault: result.fault, message: result.message });
  deps.printing?.on('outcome', onPrinted);
  return {
    register(socket: NobatSocket) {
      if (socket.data.role !== 'kiosk') return;
      void socket.join('kiosk');
      void socket.join(askerRoom(socket.data.credential ?? actorId({ kind: 'demo-device' })));
    },
    close() {
      deps.printing?.off('outcome', onPrinted);
    },
  };
}

function askerRoom(actor: string): string {
  return `kiosk:${actor}`;
}
