// Paired kiosks and displays are followed while they hold a socket, for the offline alert.
import type { Area, NobatSocket, RealtimeDeps } from './types.js';

export function registerDevicePresence(deps: Pick<RealtimeDeps, 'alerts'>): Area {
  return {
    register(socket: NobatSocket) {
      const { deviceId } = socket.data;
      if (!deviceId) return;
      deps.alerts.deviceConnected(deviceId);
      socket.on('disconnect', () => deps.alerts.deviceDisconnected(deviceId));
    },
    close() {},
  };
}
