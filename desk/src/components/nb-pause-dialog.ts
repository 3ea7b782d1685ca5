import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { ticketNumberText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { Availability, CurrentTicket, DeskAction, PauseReason } from '../state.js';
import { ChoiceDialog } from './choice-dialog.js';
import { closeOnCancel, keepTabInside } from './modal.js';

export const PAUSE_REASONS: PauseReason[] = ['break', 'prayer', 'meeting', 'back_office', 'other'];

/**
 * Pausing the desk, with a reason (a break by default) and a note; a paused desk gets no calls.
 * While the desk holds a called or served visitor, it first asks what becomes of that ticket
 * (finish, transfer, park or no-show): a pause must not leave the visitor waiting at the desk.
 * @event nb-action - pause, with the reason; or park or no-show the ticket held.
 * @event nb-open-dialog - finish or transfer the ticket held.
 * @event nb-close-dialog - Closed without pausing.
 */
@customElement('nb-pause-dialog')
export class NbPauseDialog extends ChoiceDialog<PauseReason> {
  /** The ticket the desk holds, which must be decided before the pause. */
  @property({ attribute: false }) holding: CurrentTicket | null = null;
  /** What the clerk may do with it now. */
  @property({ attribute: false }) available: Availability | null = null;

  protected readonly field = 'reason';
  protected readonly choices = PAUSE_REASONS;
  protected readonly confirm = { label: 'pause', action: 'confirm-pause' } as const;

  protected override initialFocus(): string {
    return this.holding ? 'button[data-action="finish"]' : super.initialFocus();
  }

  override render() {
    const { holding, available } = this;
    if (!holding) return super.render();
    const lang = this.language;
    const act = (action: DeskAction) => emit(this, 'nb-action', { action });
    return html`<dialog aria-labelledby="dialog-title" aria-describedby="decide-text" @cancel=${closeOnCancel(this)} @keydown=${keepTabInside}>
      <form @submit=${(e: Event) => e.preventDefault()}>
        <h2 id="dialog-title">${t(lang, 'pauseDecideTitle')}</h2>
        <p id="decide-text">${t(lang, 'pauseDecideFirst', { number: ticketNumberText(holding.number, lang) })}</p>
        <div class="buttons decide">
          <button type="button" class="primary" data-action="finish" @click=${() => emit(this, 'nb-open-dialog', { dialog: { kind: 'finish' } })}>${t(lang, 'finish')}</button>
          <button type="button" class="secondary" data-action="transfer" @click=${() => emit(this, 'nb-open-dialog', { dialog: { kind: 'transfer' } })}>${t(lang, 'transfer')}</button>
          <button type="button" class="secondary" data-action="park" ?disabled=${!available?.park} @click=${() => act({ kind: 'park' })}>${t(lang, 'park')}</button>
          ${holding.status === 'called'
            ? html`<button type="button" class="danger" data-action="no-show" ?disabled=${!available?.noShow} @click=${() => act({ kind: 'no-show' })}>${t(lang, 'noShow')}</button>`
            : ''}
        </div>
        <div class="buttons">
          <button type="button" class="secondary" data-action="close" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(lang, 'close')}</button>
        </div>
      </form>
    </dialog>`;
  }

  protected heading(lang: Lang): string {
    return t(lang, 'pauseTitle');
  }

  protected legend(lang: Lang): string {
    return t(lang, 'pauseTitle');
  }

  protected action(reason: PauseReason, note: string): DeskAction {
    return { kind: 'pause', reason, note };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-pause-dialog': NbPauseDialog;
  }
}
