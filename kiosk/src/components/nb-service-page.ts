import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { emit } from '../events.js';
import { localDigits, waitText } from '../../../ui/format.js';
import { t, tn, type Lang } from '../i18n.js';
import { serviceName, type KioskService, type KioskState, type PriorityGroup } from '../state.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';
import './nb-priority-choice.js';

/**
 * One service's guidance (what it is, documents, steps, legal basis, time and fees), the priority
 * choice, and the button that takes a ticket.
 * @event nb-take-ticket - The visitor asked for a ticket.
 * @event nb-go-home - Back to the services.
 */
@customElement('nb-service-page')
export class NbServicePage extends LitElement {
  /** The service shown. */
  @property({ attribute: false }) service!: KioskService;
  /** Where issuing a ticket stands. */
  @property({ attribute: false }) issue: KioskState['issue'] = { phase: 'idle' };
  /** The reader's language. */
  @property() language: Lang = 'fa';

  @state() private priorityGroup: PriorityGroup | null = null;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr);
        gap: 1.5rem;
        align-items: start;
      }
      h2 {
        font-size: 2.3rem;
        margin-block: 0 1rem;
        color: var(--nb-brand-dark);
      }
      section,
      aside {
        background: var(--nb-surface);
        border-radius: 16px;
        padding: 1.25rem 1.5rem;
        box-shadow: 0 2px 6px rgb(0 0 0 / 8%);
      }
      h3 {
        font-size: 1.5rem;
        margin-block: 1.25rem 0.5rem;
        color: var(--nb-brand-dark);
      }
      h3:first-child {
        margin-block-start: 0;
      }
      p,
      li {
        font-size: 1.4rem;
        line-height: 1.8;
        margin-block: 0;
      }
      ul,
      ol {
        margin-block: 0;
        padding-inline-start: 1.5rem;
      }
      /* Each text lays itself out by its own script (dir="auto"): Persian guidance an office wrote no
         English for reads right to left, numbered in Persian, on the English screen too. */
      ol:dir(rtl) {
        list-style-type: persian;
      }
      aside {
        position: sticky;
        inset-block-start: 1rem;
        display: flex;
        flex-direction: column;
        gap: 1rem;
      }
      .wait {
        font-size: 1.6rem;
        font-weight: 700;
      }
      .take {
        min-block-size: 88px;
        font-size: 2rem;
      }
      .message {
        font-size: 1.35rem;
        padding: 0.75rem 1rem;
        border-radius: 10px;
        background: var(--nb-warn-bg);
        color: var(--nb-warn-text);
      }
          /* A portrait kiosk: the guidance across the screen, the ticket button kept in reach below it. */
      @media (orientation: portrait) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        aside {
          inset-block: auto 0;
          box-shadow: 0 -4px 14px rgb(0 0 0 / 14%);
        }
      }
    `,
  ];

  override willUpdate(changed: Map<string, unknown>) {
    const previous = changed.get('service') as KioskService | undefined;
    if (previous && previous.id !== this.service.id) this.priorityGroup = null;
  }

  override render() {
    const { service, language: lang } = this;
    const g = service.guidance;
    const en = lang === 'en';
    const documents = (en ? g.documentsEn : undefined) ?? g.documents;
    const steps = (en ? g.stepsEn : undefined) ?? g.steps;
    const legalBasis = (en ? g.legalBasisEn : undefined) ?? g.legalBasis;
    const fees = (en ? g.feesEn : undefined) ?? g.fees;
    const busy = this.issue.phase === 'sending' || this.issue.phase === 'retrying';
    return html`
      <h2 dir="auto">${serviceName(service, lang)}</h2>
      <div class="layout">
        <section aria-label=${t(lang, 'guidanceOnly')}>
          <h3>${t(lang, 'description')}</h3>
          <p dir="auto">${(en ? g.descriptionEn : undefined) ?? g.description}</p>
          ${documents.length ? html`<h3>${t(lang, 'documents')}</h3><ul dir="auto">${documents.map((d) => html`<li dir="auto">${d}</li>`)}</ul>` : nothing}
          ${steps.length ? html`<h3>${t(lang, 'steps')}</h3><ol dir="auto">${steps.map((s) => html`<li dir="auto">${s}</li>`)}</ol>` : nothing}
          <h3>${t(lang, 'expectedTime')}</h3>
          <p>${tn(lang, 'minutesAbout', g.expectedMinutes, { n: localDigits(g.expectedMinutes, lang) })}</p>
          ${fees ? html`<h3>${t(lang, 'fees')}</h3><p dir="auto">${fees}</p>` : nothing}
          ${legalBasis ? html`<h3>${t(lang, 'legalBasis')}</h3><p dir="auto">${legalBasis}</p>` : nothing}
        </section>
        <aside>
          <div>
            <h3>${t(lang, 'estimatedWait')}</h3>
            <p class="wait">${service.open || service.active ? waitText(service, lang) : t(lang, 'closed')}</p>
            <p>${t(lang, 'waiting')}: ${localDigits(service.waiting, lang)} ${tn(lang, 'people', service.waiting)}</p>
          </div>
          ${service.open && service.priorityGroups.length
            ? html`<nb-priority-choice
                .groups=${service.priorityGroups as PriorityGroup[]}
                .value=${this.priorityGroup}
                .language=${lang}
                @nb-priority-change=${(e: CustomEvent<{ priorityGroup: PriorityGroup | null }>) => {
                  e.stopPropagation();
                  this.priorityGroup = e.detail.priorityGroup;
                }}
              ></nb-priority-choice>`
            : nothing}
          ${this.renderIssue()}
          <button
            class="primary take"
            ?disabled=${!service.open || busy}
            @click=${() => emit(this, 'nb-take-ticket', { serviceId: service.id, priorityGroup: this.priorityGroup })}
          >
            ${busy ? t(lang, 'issuing') : t(lang, 'takeTicket')}
          </button>
          <button class="secondary" @click=${() => emit(this, 'nb-go-home', {})}>${t(lang, 'back')}</button>
        </aside>
      </div>
    `;
  }

  private renderIssue() {
    const { issue, language: lang } = this;
    if (issue.phase === 'retrying') {
      // The server's sentence is Persian; an English reader gets the same news in English.
      const text = issue.message ? (lang === 'fa' ? issue.message : t(lang, 'serverUnavailable')) : t(lang, 'retrying');
      return html`<p class="message" role="status" data-cause=${issue.message ? 'server' : 'network'}>${text}</p>`;
    }
    if (issue.phase === 'failed') return html`<p class="message" role="alert">${t(lang, 'issueFailed')}: ${issue.message}</p>`;
    return nothing;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-service-page': NbServicePage;
  }
}
