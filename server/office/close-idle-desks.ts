// Desks whose clerk's session has ended (sign-out everywhere, a password change or reset, an account
// disabled) close, so no visitor is sent to an empty desk; one with a visitor still at it stays open
// and the next sign-in there takes it over.
import { QueueRefusal } from '../queue/index.js';
import type { Actor, Office } from './office.js';

export async function closeIdleDesks(office: Office, deskIds: readonly string[], actor: Actor): Promise<void> {
  for (const deskId of new Set(deskIds)) {
    try {
      await office.execute({ type: 'closeDesk', deskId }, actor);
    } catch (error) {
      if (!(error instanceof QueueRefusal)) throw error;
    }
  }
}
