import { LitElement, html } from 'lit';
import { property } from 'lit/decorators.js';
import { emit } from '../events.js';
import { t, type Lang, type MessageKey } from '../i18n.js';
import type { DeskAction } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { dialogStyles } from '../../../ui/styles/dialog.styles.js';
import { closeOnCancel, keepTabInside, showModal } from './modal.js';

/**
 * A dialog that picks one of a few choices (the first already chosen, so Enter confirms at once)
 * with a short note, and turns them into a desk action: finishing a visit, pausing the desk.
 * @event nb-action - The action, with the choice and the note.
 * @event nb-close-dialog - Closed without acting.
 */
export abstract class ChoiceDialog<Choice extends string> extends LitElement {
  /** The reader's language. */
  @property() language: Lang = 'fa';

  static override styles = [staffStyles, dialogStyles];

  /** The form field's name, the choices in order (the first is the default) and the confirm button. */
  protected abstract readonly field: string;
  protected abstract readonly choices: readonly Choice[];
  protected abstract readonly confirm: { label: MessageKey; action: string };
  protected abstract heading(lang: Lang): string;
  protected abstract legend(lang: Lang): string;
  protected abstract action(choice: Choice, note: string): DeskAction;

  /** What has the focus when the dialog opens (a selector). */
  protected initialFocus(): string {
    return 'input:checked';
  }

  override firstUpdated() {
    showModal(this, this.initialFocus());
  }

  override render() {
    const lang = this.language;
    return html`<dialog aria-labelledby="dialog-title" @cancel=${closeOnCancel(this)} @keydown=${keepTabInside}>
      <form @submit=${this.submit}>
        <h2 id="dialog-title">${this.heading(lang)}</h2>
        <fieldset>
          <legend>${this.legend(lang)}</legend>
          ${this.choices.map((c, i) => html`<label class="choice"><input type="radio" name=${this.field} value=${c} ?checked=${i === 0} />${t(lang, c as MessageKey)}</label>`)}
        </fieldset>
        <textarea name="note" rows="2" maxlength="500" aria-label=${t(lang, 'note')} placeholder=${t(lang, 'note')}></textarea>
        <div class="buttons">
          <button type="button" class="secondary" data-action="close" @click=${() => emit(this, 'nb-close-dialog', {})}>${t(lang, 'close')}</button>
          <button type="submit" class="primary" data-action=${this.confirm.action}>${t(lang, this.confirm.label)}</button>
        </div>
      </form>
    </dialog>`;
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const choice = String(data.get(this.field) ?? this.choices[0]) as Choice;
    emit(this, 'nb-action', { action: this.action(choice, String(data.get('note') ?? '').trim()) });
  }
}
