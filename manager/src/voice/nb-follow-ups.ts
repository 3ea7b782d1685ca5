import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { Refused } from '../../../ui/http/api.js';
import { jalaliDayText, localDigits } from '../../../ui/format.js';
import { t, type Lang } from '../i18n.js';
import type { FollowUpItem, VoiceApi } from './data/voice-api.js';
import { emitChanged } from './events.js';
import { vt } from './i18n.js';
import { voiceStyles } from './voice.styles.js';

/**
 * The meetings' follow-ups still open, oldest due first: who follows each, by when (past it: said in
 * words, not by colour alone), and marking one done with a note.
 * @event nb-voice-changed - after one was marked done.
 */
@customElement('nb-follow-ups')
export class NbFollowUps extends LitElement {
  @property({ attribute: false }) api!: VoiceApi;
  @property({ attribute: false }) followUps: FollowUpItem[] = [];
  @property() language: Lang = 'fa';

  @state() private busy = false;
  @state() private failure: string | null = null;

  static override styles = voiceStyles;

  override render() {
    const lang = this.language;
    return html`<section class="panel follow-ups">
      <h2>${vt(lang, 'followUps')}</h2>
      ${this.failure ? html`<p class="warn" role="alert">${this.failure}</p>` : nothing}
      ${this.followUps.length === 0
        ? html`<p>${vt(lang, 'noFollowUps')}</p>`
        : html`<ol>
            ${this.followUps.map((r) => {
              const followUp = r.followUp;
              if (!followUp) return nothing;
              return html`<li class="card ${r.overdue ? 'overdue' : ''}" data-registration-id=${r.id}>
                <div class="meta">
                  <span class="badge">${vt(lang, 'number')} ${localDigits(r.number, lang)}</span>
                  <span>${jalaliDayText(r.day, lang)}</span>
                  <span>${vt(lang, r.reason)}</span>
                  <span>${vt(lang, 'followUpBy')}: ${followUp.by}</span>
                  <span>${vt(lang, 'due', { d: jalaliDayText(followUp.dueDate, lang) })}</span>
                  ${r.overdue ? html`<span class="flag">${vt(lang, 'late')}</span>` : html`<span class="fine">${vt(lang, 'onTime')}</span>`}
                </div>
                ${r.note ? html`<p class="body" dir="auto">${r.note}</p>` : nothing}
                <form class="row" @submit=${(e: SubmitEvent) => this.done(e, r.id)}>
                  <label class="grow">${vt(lang, 'note')} <input name="note" maxlength="1000" dir="auto" /></label>
                  <button class="primary" type="submit" ?disabled=${this.busy}>${vt(lang, 'markDone')}</button>
                </form>
              </li>`;
            })}
          </ol>`}
    </section>`;
  }

  private async done(event: SubmitEvent, id: string) {
    event.preventDefault();
    const note = String(new FormData(event.target as HTMLFormElement).get('note') ?? '').trim() || null;
    this.busy = true;
    this.failure = null;
    try {
      await this.api.followUpDone(id, note);
      emitChanged(this);
    } catch (error) {
      this.failure = error instanceof Refused ? error.message : t(this.language, 'unreachable');
    } finally {
      this.busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-follow-ups': NbFollowUps;
  }
}
