import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { connectBoard, type BoardSnapshot } from '../data/board.js';
import { checkIn } from '../data/check-in.js';
import { deviceToken } from '../data/device.js';
import { readOffice } from '../../../ui/office.js';
import { fetchServices } from '../data/services.js';
import { issueTicket, TicketRefused } from '../data/tickets.js';
import { fetchOpenMeetings } from '../data/voice.js';
import { vt } from '../voice-i18n.js';
import { LANGUAGES, applyDocumentLanguage, t, type Lang } from '../i18n.js';
import { lockKiosk } from '../lockdown.js';
import type { KioskService, KioskState, PriorityGroup } from '../state.js';
import { baseStyles } from '../../../ui/styles/base.styles.js';
import './nb-charter-page.js';
import './nb-checkin-page.js';
import './nb-checkin-tile.js';
import './nb-idle-warning.js';
import './nb-service-page.js';
import './nb-service-tile.js';
import './nb-status-banner.js';
import './nb-ticket-view.js';
import './nb-pairing-page.js';
import './nb-feedback-page.js';
import './nb-meeting-page.js';
import './nb-voice-tile.js';
import { sessionText } from './nb-meeting-page.js';

/** After this long without a touch the kiosk goes back to the services, in Persian. */
const IDLE_MS = 60_000;
/** A ticket that could not be printed stays on screen this long, so the visitor can note or photograph it. */
const UNPRINTED_TICKET_MS = 3 * 60_000;
/** For this long before it starts over, the kiosk says so, counting down, with a button to stay. */
const IDLE_WARNING_MS = 15_000;
/** Print faults remembered for tickets whose issue answer has not arrived yet. */
const EARLY_FAULTS_KEPT = 8;

/**
 * The kiosk: holds the one state object and the live connection, and switches between the services,
 * one service's guidance, the issued ticket and the charter. Nothing leads out of it.
 */
@customElement('nb-kiosk-app')
export class NbKioskApp extends LitElement {
  @state() private state: KioskState = {
    lang: 'fa',
    screen: { name: 'home' },
    office: readOffice(),
    services: [],
    connected: true,
    idleDeadline: null,
    issue: { phase: 'idle' },
    checkIn: { sending: false, error: '' },
    meetings: [],
    slipFault: null,
  };

  private timeZone = 'Asia/Tehran';
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private disconnect: (() => void) | undefined;
  private unlock: (() => void) | undefined;

  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-block-size: 100vh;
      }
      header {
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 0.75rem 1.5rem;
        background: var(--nb-brand);
        color: var(--nb-on-brand);
      }
      header h1 {
        font-size: 1.6rem;
        margin: 0;
        margin-inline-end: auto;
      }
      header button {
        background: transparent;
        color: var(--nb-on-brand);
        border: 2px solid rgb(255 255 255 / 70%);
        font-size: 1.2rem;
        font-weight: 600;
        padding-inline: 1.25rem;
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
        padding: 1.5rem;
      }
      .lead {
        font-size: 2.2rem;
        font-weight: 800;
        margin-block: 0 1.25rem;
        color: var(--nb-brand-dark);
      }
      h2:focus {
        outline: none;
      }
      /* The tiles share the screen's height: on a portrait kiosk, one wide tile a row down to the bottom. */
      .tiles {
        flex: 1;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
        grid-auto-rows: minmax(11rem, 1fr);
        gap: 1.25rem;
      }
      @media (orientation: portrait) {
        .tiles {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      .loading {
        font-size: 1.5rem;
      }
      .voice {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(22rem, 1fr));
        gap: 1.25rem;
        margin-block-start: 1.25rem;
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    // An unattended screen: nothing leads away from it; every touch restarts the idle clock. A token
    // given in the address is taken out of it first, before the lock's history entry copies the address.
    deviceToken();
    this.unlock = lockKiosk(() => this.goHomeInPersian());
    for (const name of ['pointerdown', 'keydown'] as const) document.addEventListener(name, this.restartIdle, { capture: true });
    this.disconnect = connectBoard({
      onBoard: (board) => this.applyBoard(board),
      onConnection: (connected) => {
        if (connected && !this.state.connected) {
          void this.loadServices();
          void this.loadMeetings();
        }
        this.update_({ connected });
      },
      onUnpaired: () => this.update_({ screen: { name: 'pairing' } }),
      onConfig: (office) => {
        this.update_({ office: { name: office.name, nameEn: office.nameEn, charter: office.charter, publicUrl: office.publicUrl, booking: office.booking } });
        void this.loadServices();
      },
      onPrint: (result) => {
        const { screen } = this.state;
        if (result.ok) return;
        if (screen.name === 'feedback' || screen.name === 'meeting') return this.update_({ slipFault: { id: result.ticketId, fault: result.fault ?? 'error' } });
        if (screen.name !== 'ticket' || screen.ticket.id !== result.ticketId) {
          // A printer known to be gone fails at once, and its news can beat the issue's own answer.
          this.earlyPrintFaults.set(result.ticketId, result.fault ?? 'error');
          for (const id of [...this.earlyPrintFaults.keys()].slice(0, -EARLY_FAULTS_KEPT)) this.earlyPrintFaults.delete(id);
          return;
        }
        this.update_({ screen: { ...screen, printFault: result.fault ?? 'error' } });
        this.restartIdle();
      },
    });
    void this.loadServices();
    void this.loadMeetings();
    this.applyLang(this.state.lang);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.unlock?.();
    for (const name of ['pointerdown', 'keydown'] as const) document.removeEventListener(name, this.restartIdle, { capture: true });
    clearTimeout(this.idleTimer);
    this.disconnect?.();
  }

  override render() {
    const { lang, office } = this.state;
    const otherLang: Lang = lang === 'fa' ? 'en' : 'fa';
    return html`
      <header>
        <h1>${lang === 'en' && office.nameEn ? office.nameEn : office.name || t(lang, 'title')}</h1>
        <button @click=${() => this.go({ name: 'charter' })}>${t(lang, 'charter')}</button>
        <button class="lang" lang=${otherLang} @click=${() => this.setLang(otherLang)}>${LANGUAGES[otherLang].label}</button>
      </header>
      <nb-status-banner .connected=${this.state.connected || this.state.screen.name === 'pairing'} .language=${lang}></nb-status-banner>
      <main @nb-go-home=${() => this.go({ name: 'home' })}>${this.renderScreen()}</main>
      ${this.state.idleDeadline === null
        ? nothing
        : html`<nb-idle-warning .deadline=${this.state.idleDeadline} .language=${lang} @nb-stay=${this.restartIdle}></nb-idle-warning>`}
    `;
  }

  private renderScreen() {
    const { screen, lang, services } = this.state;
    switch (screen.name) {
      case 'home':
        if (!services.length) return html`<p class="loading">${t(lang, 'loading')}</p>`;
        return html`
          <h2 class="lead" tabindex="-1">${t(lang, 'chooseService')}</h2>
          <div class="tiles" @nb-select-service=${(e: CustomEvent<{ serviceId: string }>) => this.go({ name: 'service', serviceId: e.detail.serviceId })}>
            ${services.filter((s) => s.active !== false).map((service) => html`<nb-service-tile .service=${service} .language=${lang}></nb-service-tile>`)}
            ${this.state.office.booking ? html`<nb-checkin-tile .language=${lang} @nb-start-check-in=${() => this.go({ name: 'check-in' })}></nb-checkin-tile>` : nothing}
          </div>
          <div class="voice" @nb-open-voice=${(e: CustomEvent<{ form: 'feedback' | 'meeting' }>) => this.go({ name: e.detail.form })}>
            <nb-voice-tile form="feedback" heading=${vt(lang, 'feedbackTile')} help=${vt(lang, 'feedbackTileHelp')}></nb-voice-tile>
            ${this.state.meetings.length ? html`<nb-voice-tile form="meeting" heading=${vt(lang, 'meetingTile')} help=${sessionText(this.state.meetings[0]!, lang)}></nb-voice-tile>` : nothing}
          </div>
        `;
      case 'service': {
        // A service an admin closed (or removed) while a visitor read it is no longer offered.
        const service = services.find((s) => s.id === screen.serviceId && s.active !== false);
        if (!service) return html`<p class="lead">${t(lang, 'serviceWithdrawn')}</p>`;
        return html`<nb-service-page
          .service=${service}
          .issue=${this.state.issue}
          .language=${lang}
          @nb-take-ticket=${(e: CustomEvent<{ serviceId: string; priorityGroup: PriorityGroup | null }>) => void this.takeTicket(e.detail.serviceId, e.detail.priorityGroup)}
        ></nb-service-page>`;
      }
      case 'ticket':
        return html`<nb-ticket-view
          .ticket=${screen.ticket}
          .publicUrl=${this.state.office.publicUrl ?? location.origin}
          .printFault=${screen.printFault ?? null}
          .service=${services.find((s) => s.id === screen.ticket.serviceId)}
          .timeZone=${this.timeZone}
          .language=${lang}
        ></nb-ticket-view>`;
      case 'pairing':
        return html`<nb-pairing-page .language=${lang}></nb-pairing-page>`;
      case 'check-in':
        return html`<nb-checkin-page
          .language=${lang}
          .sending=${this.state.checkIn.sending}
          .error=${this.state.checkIn.error}
          @nb-check-in=${(e: CustomEvent<{ code: string }>) => void this.checkIn(e.detail.code)}
        ></nb-checkin-page>`;
      case 'charter':
        return html`<nb-charter-page .charter=${this.state.office.charter} .language=${lang}></nb-charter-page>`;
      case 'feedback':
        return html`<nb-feedback-page .services=${services.filter((s) => s.active !== false)} .publicUrl=${this.state.office.publicUrl ?? location.origin} .slipFault=${this.state.slipFault} .language=${lang}></nb-feedback-page>`;
      case 'meeting':
        return html`<nb-meeting-page .meetings=${this.state.meetings} .publicUrl=${this.state.office.publicUrl ?? location.origin} .slipFault=${this.state.slipFault} .language=${lang}></nb-meeting-page>`;
    }
  }

  private async takeTicket(serviceId: string, priorityGroup: PriorityGroup | null) {
    if (this.state.issue.phase === 'sending' || this.state.issue.phase === 'retrying') return;
    this.update_({ issue: { phase: 'sending' } });
    try {
      const ticket = await issueTicket(serviceId, priorityGroup, { language: this.state.lang, onRetry: (message) => this.update_({ issue: message ? { phase: 'retrying', message } : { phase: 'retrying' } }) });
      const stillHere = this.state.screen.name === 'service' && this.state.screen.serviceId === serviceId;
      const printFault = this.earlyPrintFaults.get(ticket.id);
      this.earlyPrintFaults.delete(ticket.id);
      this.update_({ issue: { phase: 'idle' }, ...(stillHere ? { screen: { name: 'ticket', ticket, ...(printFault === undefined ? {} : { printFault }) } } : {}) });
      if (stillHere && printFault !== undefined) this.restartIdle();
    } catch (error) {
      const message = error instanceof TicketRefused ? error.message : t(this.state.lang, 'retrying');
      this.update_({ issue: { phase: 'failed', message } });
    }
  }

  /** A booking code becomes a ticket, shown (and printed) as a walk-in's is, with its booked time. */
  private async checkIn(code: string) {
    if (this.state.checkIn.sending) return;
    this.update_({ checkIn: { sending: true, error: '' } });
    try {
      const ticket = await checkIn(code, this.state.lang);
      const stillHere = this.state.screen.name === 'check-in';
      const printFault = this.earlyPrintFaults.get(ticket.id);
      this.earlyPrintFaults.delete(ticket.id);
      this.update_({ checkIn: { sending: false, error: '' }, ...(stillHere ? { screen: { name: 'ticket', ticket, ...(printFault === undefined ? {} : { printFault }) } } : {}) });
    } catch (error) {
      const message = error instanceof TicketRefused ? error.message : t(this.state.lang, 'retrying');
      this.update_({ checkIn: { sending: false, error: message } });
    }
  }

  private async loadServices() {
    for (let attempt = 0; ; attempt++) {
      try {
        const services = await fetchServices();
        this.update_({ services: this.withLive(services) });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** attempt)));
      }
    }
  }

  /** Today's public meetings, read again whenever the home screen shows (a session ends, another opens). */
  private async loadMeetings() {
    try {
      this.update_({ meetings: await fetchOpenMeetings() });
    } catch {
      // The tile waits for the next home screen or reconnection; tickets do not depend on it.
    }
  }

  private latestBoard: BoardSnapshot | undefined;
  /** Print faults of tickets this kiosk has not shown yet, by ticket id. */
  private readonly earlyPrintFaults = new Map<string, string>();

  private applyBoard(board: BoardSnapshot) {
    this.latestBoard = board;
    this.timeZone = board.office.timeZone;
    this.update_({ services: this.withLive(this.state.services) });
  }

  /** The services with the line, wait and open state of the latest board, which is newer than the fetch. */
  private withLive(services: KioskService[]): KioskService[] {
    const live = new Map(this.latestBoard?.services.map((s) => [s.id, s]));
    return services.map((service) => {
      const now = live.get(service.id);
      return now ? { ...service, active: now.active, open: now.open, waiting: now.waiting, estimatedWait: now.estimatedWait, estimatedWaitSeconds: now.estimatedWaitSeconds, waitNote: now.waitNote, ...(now.opensAt ? { opensAt: now.opensAt } : {}) } : service;
    });
  }

  private go(screen: KioskState['screen']) {
    const busy = this.state.issue.phase === 'sending' || this.state.issue.phase === 'retrying';
    this.update_({ screen, checkIn: { sending: this.state.checkIn.sending, error: '' }, ...(busy ? {} : { issue: { phase: 'idle' } }) });
    if (screen.name === 'home') void this.loadMeetings();
    window.scrollTo(0, 0);
  }

  private setLang(lang: Lang) {
    this.update_({ lang });
    this.applyLang(lang);
  }

  private applyLang(lang: Lang) {
    applyDocumentLanguage(lang);
  }

  private readonly restartIdle = () => {
    clearTimeout(this.idleTimer);
    if (this.state.idleDeadline !== null) this.update_({ idleDeadline: null });
    const idleMs = this.state.screen.name === 'ticket' && this.state.screen.printFault !== undefined ? UNPRINTED_TICKET_MS : IDLE_MS;
    this.idleTimer = setTimeout(() => this.warnIdle(), idleMs - IDLE_WARNING_MS);
  };

  /** Says the kiosk will start over, then does, unless a touch comes first. */
  private warnIdle() {
    if (this.state.issue.phase === 'sending' || this.state.issue.phase === 'retrying') return this.restartIdle();
    const { screen, lang } = this.state;
    // Nothing to start over from: no warning, and the next touch starts the clock again.
    if (screen.name === 'pairing' || (screen.name === 'home' && lang === 'fa')) return;
    this.update_({ idleDeadline: Date.now() + IDLE_WARNING_MS });
    this.idleTimer = setTimeout(() => this.goHomeInPersian(), IDLE_WARNING_MS);
  }

  /** Where a visitor who walked away, or asked the browser for back, leaves the next one. */
  private goHomeInPersian() {
    if (this.state.screen.name === 'pairing') return;
    this.update_({ idleDeadline: null });
    this.go({ name: 'home' });
    this.setLang('fa');
  }

  /** After a change of screen, the new screen's heading has the focus, so a screen reader starts there. */
  override async updated(changed: PropertyValues<this>) {
    const before = changed.get('state' as keyof NbKioskApp) as KioskState | undefined;
    if (!before || screenKey(before.screen) === screenKey(this.state.screen)) return;
    const main = this.renderRoot.querySelector('main');
    const screen = main?.firstElementChild;
    if (screen instanceof LitElement) await screen.updateComplete;
    const heading = (screen?.shadowRoot ?? main)?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }

  /** Replaces the state object with a changed copy; Lit re-renders. */
  private update_(changes: Partial<KioskState>) {
    this.state = { ...this.state, ...changes };
  }
}

/** Which screen is up: the same key for the same screen whatever changed on it. */
function screenKey(screen: KioskState['screen']): string {
  if (screen.name === 'service') return `service:${screen.serviceId}`;
  if (screen.name === 'ticket') return `ticket:${screen.ticket.id}`;
  return screen.name;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-kiosk-app': NbKioskApp;
  }
}
