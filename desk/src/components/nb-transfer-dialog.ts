import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emit } from '../events.js';
import { localDigits, ticketNumberText } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { DeskInfo, Position, ServiceInfo } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { dialogStyles } from '../../../ui/styles/dialog.styles.js';
import { closeOnCancel, keepTabInside, showModal } from './modal.js';

/**
 * Transferring the current ticket to another service's queue or to one desk, first or last in line.
 * The same ticket moves, with its history; a paused desk is marked (it takes the ticket after its
 * break). With no target of a kind, that choice is disabled and says so.
 * @event nb-action - transfer, with the target and position.
 * @event nb-close-dialog - Closed without transferring.
 */
@customElement('nb-transfer-dialog')
export class NbTransferDialog extends LitElement {
  /** The number of the ticket being transferred. */
  @property() number = '';
  /** The open services other than the ticket's own. */
  @property({ attribute: false }) services: ServiceInfo[] = [];
  /** The other open desks. */
  @property({ attribute: false }) desks: DeskInfo[] = [];
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private target: 'service' | 'desk' = 'service';

  override willUpdate() {
    if (this.target === 'service' && !this.services.length && this.desks.length) this.target = 'desk';
  }

  static override styles = [staffStyles, dialogStyles];

  override firstUpdated() {
    showModal(this, 'select');
  }

  override render() {
    const lang = this.language;
    return html`<dialog aria-labelledby="transfer-title" @cancel=${closeOnCancel(this)} @keydown=${keepTabInside}>
      <form @submit=${this.submit}>
        <h2 id="transfer-title">${t(lang, 'transferTo', { number: ticketNumberText(this.number, lang) })}</h2>
        <fieldset>
          ${(['service', 'desk'] as const).map(
            (target) => html`<label class="choice"
              ><input
                type="radio"
                name="target"
                value=${target}
                ?checked=${this.target === target}
                ?disabled=${!(target === 'service' ? this.services : this.desks).length}
                @change=${() => (this.target = target)}
              />${t(lang, target === 'service' ? 'toService' : 'toDesk')}</label
            >`,
          )}
        </fieldset>
        ${!(this.target === 'service' ? this.services : this.desks).length
          ? html`<p class="none" role="status">${t(lang, this.target === 'service' ? 'noOtherService' : 'noOpenDesk')}</p>`
          : this.target === 'service'
          ? html`<select name="serviceId" aria-label=${t(lang, 'toService')}>
              ${this.services.map((s) => html`<option value=${s.id}>${lang === 'en' && s.nameEn ? s.nameEn : s.name}</option>`)}
            </select>`
          : html`<select name="deskId" aria-label=${t(lang, 'toDesk')}>
              ${this.desks.map((d) => html`<option value=${d.id}>${this.deskLabel(d)}</option>`)}
            </select>`}
        <fieldset>
          <legend>${t(lang, 'position')}</legend>
          ${(['first', 'last'] as const).map((p) => html`<label class="choice"><input type="radio" name="position" value=${p} ?checked=${p === 'first'} />${t(lang, p)}</label>`)}
        </fieldset>
        <div class="buttons">
          <button type="button" class="secondary" data-action="close" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(lang, 'close')}</button>
          <button type="submit" class="primary" data-action="confirm-transfer" ?disabled=${!(this.target === 'service' ? this.services : this.desks).length}>${t(lang, 'transfer')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private deskLabel(desk: DeskInfo): string {
    const lang = this.language;
    const name = lang === 'en' ? `Desk ${desk.number}` : t(lang, 'deskN', { n: localDigits(desk.number, lang) });
    return desk.paused ? `${name} (${t(lang, 'deskPaused')})` : name;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const position = String(data.get('position') ?? 'first') as Position;
    const to = this.target === 'service' ? { serviceId: String(data.get('serviceId')) } : { deskId: String(data.get('deskId')) };
    emit(this, 'nb-action', { action: { kind: 'transfer', to, position } });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-transfer-dialog': NbTransferDialog;
  }
}
