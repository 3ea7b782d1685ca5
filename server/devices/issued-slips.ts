// The ticket printer as a device bridge, like the keypads: it follows the committed events and
// prints a slip for each ticket taken at a kiosk (its issue carries the kiosk's language), naming the
// kiosk that asked so that realtime tells that kiosk the result.
import type { Office } from '../office/office.js';
import type { ReadModel } from '../office/read-model.js';
import type { StoredEvent } from '../store/event-store.js';
import type { TicketPrinting } from './printing.js';

/** Starts printing the tickets kiosks issue; returns how to stop. */
export function printIssuedTickets(office: Office, read: ReadModel, printing: TicketPrinting): () => void {
  const onCommitted = (stored: StoredEvent[], actors: readonly (string | null)[]) => {
    stored.forEach(({ event }, i) => {
      if (event.type !== 'ticket.issued' || !event.language) return;
      const { ticketId, language } = event;
      // After the kiosk's answer: the issuing request's continuation was queued before this, and it
      // keeps the ticket's promised wait, so the slip shows what the kiosk was told.
      queueMicrotask(() => {
        const ticket = read.ticket(ticketId);
        if (ticket) printing.print(ticket, language, actors[i] ?? null);
      });
    });
  };
  office.on('committed', onCommitted);
  return () => office.off('committed', onCommitted);
}
