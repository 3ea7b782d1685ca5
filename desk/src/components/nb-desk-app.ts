import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Refused, SessionExpired } from '../../../ui/http/api.js';
import type { DeskEvents } from '../events.js';
import { runAction } from '../data/commands.js';
import { connectDesk } from '../data/live.js';
import { fetchDesks, fetchServices } from '../data/lookups.js';
import { changePassword, fetchOffice, forgetSession, rememberedDeskId, signIn, signOut, signOutEverywhere, storedSession, type Session } from '../data/session.js';
import { clockText, localDigits, ticketNumberText } from '../../../ui/format.js';
import { LANGUAGES, applyDocumentLanguage, t, type Lang } from '../i18n.js';
import { availability, type DeskAction, type DeskState, type DeskView, type Dialog } from '../state.js';
import { staffStyles } from '../../../ui/styles/staff.styles.js';
import { deskAppStyles } from './nb-desk-app.styles.js';
import { staffShellStyles } from '../../../ui/styles/staff-shell.styles.js';
import { SHORTCUTS } from './nb-current-ticket.js';
import './nb-account-dialog.js';
import './nb-booking-dialog.js';
import './nb-confirm-dialog.js';
import './nb-finish-dialog.js';
import './nb-parked-list.js';
import './nb-pause-dialog.js';
import './nb-queue-panel.js';
import './nb-sign-in.js';
import './nb-today-counts.js';
import './nb-transfer-dialog.js';

const LANG_KEY = 'nobat.desk.lang';

/**
 * The staff desk: sign-in, then one desk's work — the current ticket and its actions, the queue of
 * the desk's workprofile and the day's counts. Holds the one state object, the live connection and
 * the keyboard shortcuts; every action goes out as one HTTP command while the buttons wait.
 */
@customElement('nb-desk-app')
export class NbDeskApp extends LitElement {
  @state() private state: DeskState = {
    lang: localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'fa',
    office: null,
    session: null,
    notice: null,
    signingIn: false,
    view: null,
    clockOffsetMs: 0,
    services: [],
    desks: [],
    connected: true,
    pending: null,
    retrying: false,
    error: null,
    info: null,
    alert: null,
    dialog: null,
    account: { busy: false, outcome: null },
  };

  /** This browser's time, moved every second so the timers run. */
  @state() private browserNow = Date.now();

  /** What had the focus when a dialog opened: it gets it back when the dialog closes. */
  private opener: HTMLElement | null = null;
  private ticker: ReturnType<typeof setInterval> | undefined;
  private disconnect: (() => void) | undefined;

  static override styles = [staffStyles, staffShellStyles, deskAppStyles];

  override connectedCallback() {
    super.connectedCallback();
    this.applyLang(this.state.lang);
    document.addEventListener('keydown', this.onKey);
    this.ticker = setInterval(() => (this.browserNow = Date.now()), 1000);
    void fetchOffice().then((office) => this.update_({ office }));
    void this.loadServices();
    const session = storedSession();
    if (session) this.startSession(session);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onKey);
    clearInterval(this.ticker);
    this.disconnect?.();
  }

  override updated() {
    // Once the dialog is closed and its action answered (the buttons are enabled again).
    if (!this.opener || this.state.dialog || this.state.pending) return;
    const opener = this.opener;
    this.opener = null;
    if (opener.isConnected) opener.focus();
  }

  override render() {
    const { lang, session, office } = this.state;
    const otherLang: Lang = lang === 'fa' ? 'en' : 'fa';
    const desk = office?.desks.find((d) => d.id === session?.deskId);
    return html`
      <header>
        <h1>${lang === 'en' && office?.nameEn ? office.nameEn : office?.name || t(lang, 'title')}</h1>
        ${desk ? html`<span class="desk">${t(lang, 'deskN', { n: localDigits(desk.number, lang) })}</span>` : ''}
        <span class="who">${session?.user.name ?? ''}</span>
        ${session && this.state.view && !this.state.view.desk.pause
          ? html`<button data-action="pause" ?disabled=${!this.available().other} @click=${() => this.openDialog({ kind: 'pause' })}>${t(lang, 'pause')}</button>`
          : ''}
        ${session ? html`<button data-action="book" ?disabled=${this.state.pending !== null} @click=${() => this.openDialog({ kind: 'booking' })}>${t(lang, 'bookForCaller')}</button>` : ''}
        <button class="lang" lang=${otherLang} @click=${() => this.setLang(otherLang)}>${LANGUAGES[otherLang].label}</button>
        ${session ? html`<button data-action="account" ?disabled=${this.state.pending !== null} @click=${() => this.openDialog({ kind: 'account' })}>${t(lang, 'account')}</button>` : ''}
        ${session ? html`<button data-action="sign-out" ?disabled=${this.state.pending !== null} @click=${() => void this.signOut()}>${t(lang, 'signOut')}</button>` : ''}
      </header>
      ${session ? this.renderDesk() : this.renderSignIn()}
    `;
  }

  private renderSignIn() {
    const { lang, notice } = this.state;
    return html`<nb-sign-in
      .office=${this.state.office}
      .deskId=${rememberedDeskId()}
      .message=${notice?.text ?? null}
      ?failed=${notice?.error ?? false}
      ?deskTaken=${notice?.deskTaken ?? false}
      ?busy=${this.state.signingIn}
      .language=${lang}
      @nb-sign-in=${(e: CustomEvent<DeskEvents['nb-sign-in']>) => void this.signIn(e.detail)}
    ></nb-sign-in>`;
  }

  private renderDesk() {
    const { lang, view, connected, error, info, alert, retrying } = this.state;
    const now = this.serverNow();
    const timeZone = this.state.office?.timeZone ?? 'Asia/Tehran';
    const available = this.available();
    return html`
      <div role="status" aria-live="polite">
        ${connected ? '' : html`<p class="bar offline"><span>${t(lang, 'reconnecting')}</span></p>`}
        ${retrying ? html`<p class="bar offline"><span>${t(lang, 'retrying')}</span></p>` : ''}
        ${info ? html`<p class="bar info"><span>${info}</span></p>` : ''}
      </div>
      <div role="alert">
        ${error ? html`<p class="bar error"><span class="message">${error}</span><button class="secondary" @click=${() => this.update_({ error: null })}>${t(lang, 'dismiss')}</button></p>` : ''}
        ${alert ? html`<p class="bar offline"><span>${alert}</span><button class="secondary" @click=${() => this.update_({ alert: null })}>${t(lang, 'dismiss')}</button></p>` : ''}
      </div>
      ${view?.desk.pause
        ? html`<p class="bar paused" data-paused=${view.desk.pause.reason}>
            <span
              >${t(lang, 'pausedTitle', { reason: t(lang, view.desk.pause.reason) })}
              <small>${t(lang, 'pausedSince', { t: clockText(view.desk.pause.since, this.state.office?.timeZone ?? 'Asia/Tehran', lang) })}</small></span
            >
            <button data-action="resume" ?disabled=${!available.other} @click=${() => void this.act({ kind: 'resume' })}>${t(lang, 'resume')}</button>
          </p>`
        : ''}
      ${view
        ? html`<main @nb-action=${this.onAction} @nb-open-dialog=${(e: CustomEvent<{ dialog: Dialog }>) => this.openDialog(e.detail.dialog)}>
            <div class="column">
              <nb-current-ticket .current=${view.current} .available=${available} .graceSeconds=${view.noShowGraceSeconds} .pending=${this.state.pending} .services=${this.state.services} .now=${now} .timeZone=${timeZone} .language=${lang}></nb-current-ticket>
              <nb-parked-list .parked=${view.parked} .available=${available} .services=${this.state.services} .timeZone=${timeZone} .language=${lang}></nb-parked-list>
              <nb-today-counts .today=${view.today} .language=${lang}></nb-today-counts>
            </div>
            <nb-queue-panel .view=${view} .available=${available} .services=${this.state.services} .now=${now} .timeZone=${timeZone} .language=${lang}></nb-queue-panel>
          </main>`
        : html`<p class="loading">${t(lang, 'loading')}</p>`}
      ${this.renderDialog()}
    `;
  }

  private renderDialog() {
    const { dialog, lang, view, session } = this.state;
    if (dialog?.kind === 'account' && session) {
      return html`<nb-account-dialog
        .name=${session.user.name}
        .outcome=${this.state.account.outcome}
        ?busy=${this.state.account.busy}
        .language=${lang}
        @nb-change-password=${(e: CustomEvent<{ currentPassword: string; newPassword: string }>) => void this.changePassword(e.detail.currentPassword, e.detail.newPassword)}
        @nb-sign-out-everywhere=${() => void this.signOutEverywhere()}
        @nb-close-dialog=${() => this.update_({ dialog: null, account: { busy: false, outcome: null } })}
      ></nb-account-dialog>`;
    }
    if (dialog?.kind === 'booking' && session) {
      return html`<nb-booking-dialog
        .services=${this.state.services}
        .token=${session.token}
        .timeZone=${this.state.office?.timeZone ?? 'Asia/Tehran'}
        .language=${lang}
        @nb-close-dialog=${() => this.update_({ dialog: null })}
      ></nb-booking-dialog>`;
    }
    if (!dialog || !view) return '';
    const number = view.current?.number ?? '';
    const close = () => this.update_({ dialog: null });
    switch (dialog.kind) {
      case 'finish':
        return html`<nb-finish-dialog .number=${number} .language=${lang} @nb-action=${this.onAction} @nb-close-dialog=${close}></nb-finish-dialog>`;
      case 'transfer':
        // Only targets that can take it: another open service (the server refuses a closed one), an open desk.
        return html`<nb-transfer-dialog
          .number=${number}
          .services=${this.state.services.filter((s) => s.open && s.id !== view.current?.serviceId)}
          .desks=${this.state.desks.filter((d) => d.open && d.id !== view.desk.id)}
          .language=${lang}
          @nb-action=${this.onAction}
          @nb-close-dialog=${close}
        ></nb-transfer-dialog>`;
      case 'account':
        return '';
      case 'pause':
        return html`<nb-pause-dialog
          .holding=${view.current}
          .available=${this.available()}
          .language=${lang}
          @nb-action=${this.onAction}
          @nb-open-dialog=${(e: CustomEvent<{ dialog: Dialog }>) => this.openDialog(e.detail.dialog)}
          @nb-close-dialog=${close}
        ></nb-pause-dialog>`;
      case 'confirm': {
        const noShow = dialog.action.kind === 'no-show';
        const message = t(lang, noShow ? 'confirmNoShow' : 'confirmCancel', { number: ticketNumberText(dialog.number, lang) });
        return html`<nb-confirm-dialog
          .action=${dialog.action}
          .message=${message}
          .confirmLabel=${t(lang, noShow ? 'noShow' : 'cancel')}
          .language=${lang}
          @nb-action=${this.onAction}
          @nb-close-dialog=${close}
        ></nb-confirm-dialog>`;
      }
    }
  }

  private readonly onAction = (event: CustomEvent<{ action: DeskAction; confirmed?: boolean }>) => {
    event.stopPropagation();
    void this.act(event.detail.action, event.detail.confirmed ?? false);
  };

  /** Sends one action; every action button is disabled until the answer and the fresh view are in. */
  private async act(action: DeskAction, confirmed = false) {
    const { session, view, pending, lang } = this.state;
    if (!session || !view || pending) return;
    if (!confirmed && (action.kind === 'no-show' || action.kind === 'cancel')) {
      const number = action.kind === 'no-show' ? view.current?.number : [...view.waiting, ...view.parked].find((x) => x.id === action.ticketId)?.number;
      return this.openDialog({ kind: 'confirm', action, number: number ?? '' });
    }
    this.update_({ pending: action.kind, error: null, info: null, dialog: null });
    try {
      const result = await runAction(action, session.token, session.deskId, view.current?.id ?? null, () => this.update_({ retrying: true }));
      if (!result.changed) this.update_({ info: t(lang, 'nobodyToCall') });
      // The view after this action, before the buttons come back: a second click must see it.
      else if (result.view) this.applyView(result.view);
    } catch (error) {
      if (error instanceof SessionExpired) return this.endSession(t(this.state.lang, 'sessionEnded'));
      this.update_({ error: error instanceof Refused ? error.message : t(this.state.lang, 'unreachable') });
    } finally {
      this.update_({ pending: null, retrying: false });
    }
  }

  private openDialog(dialog: Dialog) {
    if (this.state.pending) return;
    // One dialog may open another (pause → finish): the focus goes back to what opened the first.
    if (!this.state.dialog) this.opener = focusedElement();
    this.update_(dialog.kind === 'account' ? { dialog, account: { busy: false, outcome: null } } : { dialog });
    const session = this.state.session;
    if (dialog.kind === 'transfer' && session) {
      void fetchDesks(session.token)
        .then((desks) => this.update_({ desks }))
        .catch((error: unknown) => error instanceof SessionExpired && this.endSession(t(this.state.lang, 'sessionEnded')));
    }
  }

  private async signIn({ username, password, deskId, takeOver }: DeskEvents['nb-sign-in']) {
    this.update_({ signingIn: true, notice: null });
    try {
      this.startSession(await signIn(username, password, deskId, takeOver));
    } catch (error) {
      const refused = error instanceof Refused ? error : null;
      this.update_({ notice: { text: refused?.message ?? t(this.state.lang, 'unreachable'), error: true, deskTaken: refused?.code === 'desk_taken' } });
    } finally {
      this.update_({ signingIn: false });
    }
  }

  private startSession(session: Session) {
    this.update_({ session, view: null, notice: null, error: null, info: null, alert: null, dialog: null, connected: true });
    this.disconnect?.();
    this.disconnect = connectDesk(session.token, {
      onView: (view) => this.applyView(view),
      onConnection: (connected) => {
        if (connected && !this.state.connected) void this.loadServices();
        this.update_({ connected });
      },
      onUnauthorized: () => this.endSession(t(this.state.lang, 'sessionEnded')),
      onAlert: (alert) => this.update_({ alert }),
      // An admin renamed or closed a service, or changed the desks: names and transfer targets follow.
      onConfig: () => {
        void this.loadServices();
        void fetchDesks(session.token).then((desks) => this.update_({ desks }), () => undefined);
      },
    });
    void fetchDesks(session.token).then((desks) => this.update_({ desks }), () => undefined);
  }

  private async signOut() {
    const session = this.state.session;
    if (!session || this.state.pending) return;
    try {
      await signOut(session);
      this.endSession(t(this.state.lang, 'signedOut'), false);
    } catch (error) {
      this.update_({ error: error instanceof Refused ? error.message : t(this.state.lang, 'unreachable') });
    }
  }

  private async changePassword(currentPassword: string, newPassword: string) {
    const session = this.state.session;
    if (!session || this.state.account.busy) return;
    this.update_({ account: { busy: true, outcome: null } });
    try {
      await changePassword(session, currentPassword, newPassword);
      this.update_({ account: { busy: false, outcome: { text: t(this.state.lang, 'passwordChanged'), error: false } } });
    } catch (error) {
      if (error instanceof SessionExpired) return this.endSession(t(this.state.lang, 'sessionEnded'));
      this.update_({ account: { busy: false, outcome: { text: error instanceof Refused ? error.message : t(this.state.lang, 'unreachable'), error: true } } });
    }
  }

  private async signOutEverywhere() {
    const session = this.state.session;
    if (!session || this.state.account.busy) return;
    this.update_({ account: { busy: true, outcome: null } });
    try {
      await signOutEverywhere(session);
      this.update_({ account: { busy: false, outcome: null } });
      this.endSession(t(this.state.lang, 'signedOutEverywhere'), false);
    } catch (error) {
      this.update_({ account: { busy: false, outcome: { text: error instanceof Refused ? error.message : t(this.state.lang, 'unreachable'), error: true } } });
    }
  }

  /** Back to the sign-in screen, saying why. */
  private endSession(reason: string, error = true) {
    this.disconnect?.();
    this.disconnect = undefined;
    forgetSession();
    this.update_({ session: null, view: null, dialog: null, pending: null, notice: { text: reason, error } });
  }

  private applyView(view: DeskView) {
    this.update_({ view, clockOffsetMs: view.now - Date.now() });
  }

  private async loadServices() {
    for (let attempt = 0; ; attempt++) {
      try {
        return this.update_({ services: await fetchServices() });
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 500 * 2 ** attempt)));
      }
    }
  }

  private serverNow(): number {
    return this.browserNow + this.state.clockOffsetMs;
  }

  private available() {
    return availability(this.state.view, this.state.pending !== null, this.serverNow());
  }

  /** N, R, S, F, P, T run the frequent actions (by key position, whatever the keyboard layout); a dialog takes Esc itself. */
  private readonly onKey = (event: KeyboardEvent) => {
    if (!this.state.view || this.state.dialog || event.ctrlKey || event.altKey || event.metaKey || event.repeat) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
    const available = this.available();
    const run: Record<string, () => void> = {
      [SHORTCUTS.next]: () => available.call && void this.act({ kind: 'next' }),
      [SHORTCUTS.recall]: () => available.recall && void this.act({ kind: 'recall' }),
      [SHORTCUTS.start]: () => available.start && void this.act({ kind: 'start' }),
      [SHORTCUTS.park]: () => available.park && void this.act({ kind: 'park' }),
      [SHORTCUTS.finish]: () => available.finish && this.openDialog({ kind: 'finish' }),
      [SHORTCUTS.transfer]: () => available.transfer && this.openDialog({ kind: 'transfer' }),
    };
    const action = run[event.code];
    if (!action) return;
    event.preventDefault();
    action();
  };

  private setLang(lang: Lang) {
    localStorage.setItem(LANG_KEY, lang);
    this.update_({ lang });
    this.applyLang(lang);
  }

  private applyLang(lang: Lang) {
    applyDocumentLanguage(lang, t(lang, 'title'));
  }

  /** Replaces the state object with a changed copy; Lit re-renders. */
  private update_(changes: Partial<DeskState>) {
    this.state = { ...this.state, ...changes };
  }
}

/** The focused element, inside shadow roots too. */
function focusedElement(): HTMLElement | null {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return focused instanceof HTMLElement ? focused : null;
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-desk-app': NbDeskApp;
  }
}
