import { LitElement, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { Refused, SessionExpired } from '../../../ui/http/api.js';
import { acknowledgeAlert, fetchAlerts, sortAlerts, upsertAlert } from '../data/alerts.js';
import { connectManager } from '../data/live.js';
import { fetchOffice } from '../data/office.js';
import { forgetSession, signIn, signOut, StaffRefused, storedSession, type Session } from '../data/session.js';
import { presetRange, todayIso } from '../../../ui/dates.js';
import { LANGUAGES, applyDocumentLanguage, t, type Lang, type MessageKey } from '../i18n.js';
import { isAdmin, type DayRange, type ManagerState, type Tab } from '../state.js';
import { staffShellStyles } from '../../../ui/styles/staff-shell.styles.js';
import { managerAppStyles } from './nb-manager-app.styles.js';
import { managerStyles } from './manager.styles.js';
import '../admin/admin-app.js';
import './nb-history-tab.js';
import './nb-live-tab.js';
import './nb-manager-sign-in.js';
import './nb-report-tab.js';
import '../voice/nb-inbox-tab.js';
import '../voice/nb-meetings-tab.js';

const LANG_KEY = 'nobat.manager.lang';
const TABS: ReadonlyArray<{ tab: Tab; label: MessageKey }> = [
  { tab: 'today', label: 'tabToday' },
  { tab: 'history', label: 'tabHistory' },
  { tab: 'report', label: 'tabReport' },
  { tab: 'inbox', label: 'tabInbox' },
  { tab: 'meetings', label: 'tabMeetings' },
  { tab: 'config', label: 'tabConfig' },
];

/**
 * The manager's screen: sign-in for managers and admins, then the tabs — today live (lines, desks,
 * alerts to acknowledge), history (charts and tables over a Jalali range), the indicators report,
 * the complaints-and-suggestions inbox, public meetings, and configuration for admins. Holds the one state object and the live connection.
 */
@customElement('nb-manager-app')
export class NbManagerApp extends LitElement {
  @state() private state: ManagerState = {
    lang: localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'fa',
    office: null,
    session: null,
    notice: null,
    signingIn: false,
    tab: 'today',
    connected: true,
    live: null,
    clockOffsetMs: 0,
    alerts: [],
    acknowledging: null,
    error: null,
    range: null,
    feedbackRevision: 0,
    meetingRevision: 0,
  };

  /** This browser's time, moved every second so the waits grow. */
  @state() private browserNow = Date.now();

  private ticker: ReturnType<typeof setInterval> | undefined;
  private disconnect: (() => void) | undefined;

  static override styles = [managerStyles, staffShellStyles, managerAppStyles];

  override connectedCallback() {
    super.connectedCallback();
    this.applyLang(this.state.lang);
    this.ticker = setInterval(() => (this.browserNow = Date.now()), 1000);
    void fetchOffice().then((office) => this.update_({ office }));
    const session = storedSession();
    if (session) this.startSession(session);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.disconnect?.();
  }

  override render() {
    const { lang, session, office } = this.state;
    const otherLang: Lang = lang === 'fa' ? 'en' : 'fa';
    return html`
      <header>
        <h1>${lang === 'en' && office?.nameEn ? office.nameEn : office?.name || t(lang, 'title')}</h1>
        <span class="who">${session?.user.name ?? ''}</span>
        <button class="lang" lang=${otherLang} @click=${() => this.setLang(otherLang)}>${LANGUAGES[otherLang].label}</button>
        ${session ? html`<button data-action="sign-out" @click=${() => void this.signOut()}>${t(lang, 'signOut')}</button>` : ''}
      </header>
      ${session ? this.renderTabs(session) : this.renderSignIn()}
    `;
  }

  private renderSignIn() {
    const { lang, notice } = this.state;
    return html`<nb-manager-sign-in
      .message=${notice?.text ?? null}
      ?failed=${notice?.error ?? false}
      ?busy=${this.state.signingIn}
      .language=${lang}
      @nb-sign-in=${(e: CustomEvent<{ username: string; password: string }>) => void this.signIn(e.detail.username, e.detail.password)}
    ></nb-manager-sign-in>`;
  }

  private renderTabs(session: Session) {
    const { lang, tab, connected, error } = this.state;
    const tabs = TABS.filter((entry) => entry.tab !== 'config' || isAdmin(session));
    return html`
      <nav role="tablist" aria-label=${t(lang, 'title')}>
        ${tabs.map(
          (entry) =>
            html`<button role="tab" id="tab-${entry.tab}" data-tab=${entry.tab} aria-selected=${entry.tab === tab ? 'true' : 'false'} aria-controls="panel" @click=${() => this.update_({ tab: entry.tab })}>
              ${t(lang, entry.label)}
            </button>`,
        )}
      </nav>
      <div role="status" aria-live="polite">${connected ? '' : html`<p class="bar offline"><span>${t(lang, 'reconnecting')}</span></p>`}</div>
      <div role="alert">${error ? html`<p class="bar error"><span>${error}</span><button class="secondary" @click=${() => this.update_({ error: null })}>×</button></p>` : ''}</div>
      <section id="panel" role="tabpanel" aria-labelledby="tab-${tab}">${this.renderPanel(session)}</section>
    `;
  }

  private renderPanel(session: Session) {
    const { lang, tab, office } = this.state;
    const timeZone = office?.timeZone ?? 'Asia/Tehran';
    const now = this.browserNow + this.state.clockOffsetMs;
    const range = this.state.range ?? presetRange('today', todayIso(now, timeZone));
    switch (tab) {
      case 'today':
        return html`<nb-live-tab
          .live=${this.state.live}
          .alerts=${this.state.alerts}
          .acknowledging=${this.state.acknowledging}
          .now=${now}
          .timeZone=${timeZone}
          .language=${lang}
          @nb-acknowledge=${(e: CustomEvent<{ alertId: number; comment: string }>) => void this.acknowledge(e.detail.alertId, e.detail.comment)}
        ></nb-live-tab>`;
      case 'history':
        return html`<nb-history-tab .token=${session.token} .range=${range} .now=${now} .timeZone=${timeZone} .language=${lang} @nb-set-range=${this.onRange}></nb-history-tab>`;
      case 'report':
        return html`<nb-report-tab .range=${range} .now=${now} .timeZone=${timeZone} .language=${lang} @nb-set-range=${this.onRange}></nb-report-tab>`;
      case 'inbox':
        return html`<nb-inbox-tab .token=${session.token} .revision=${this.state.feedbackRevision} .timeZone=${timeZone} .language=${lang}></nb-inbox-tab>`;
      case 'meetings':
        return html`<nb-meetings-tab .token=${session.token} .revision=${this.state.meetingRevision} .today=${todayIso(now, timeZone)} .language=${lang}></nb-meetings-tab>`;
      case 'config':
        return isAdmin(session) ? html`<nb-admin-app .token=${session.token} .language=${lang}></nb-admin-app>` : html`<p>${t(lang, 'configOnlyAdmins')}</p>`;
    }
  }

  private readonly onRange = (event: CustomEvent<{ range: DayRange }>) => this.update_({ range: event.detail.range });

  private async signIn(username: string, password: string) {
    this.update_({ signingIn: true, notice: null });
    try {
      this.startSession(await signIn(username, password));
    } catch (error) {
      const text = error instanceof StaffRefused ? t(this.state.lang, 'staffRefused') : error instanceof Refused ? error.message : t(this.state.lang, 'unreachable');
      this.update_({ notice: { text, error: true } });
    } finally {
      this.update_({ signingIn: false });
    }
  }

  private startSession(session: Session) {
    this.update_({ session, live: null, alerts: [], notice: null, error: null, connected: true, tab: 'today' });
    this.disconnect?.();
    this.disconnect = connectManager(session.token, {
      onSnapshot: (live) => this.update_({ live, clockOffsetMs: live.now - Date.now() }),
      // Sent on every (re)connection: what changed in the inbox while cut off is read again too.
      onAlerts: (alerts) => this.update_({ alerts: sortAlerts(alerts), feedbackRevision: this.state.feedbackRevision + 1, meetingRevision: this.state.meetingRevision + 1 }),
      onFeedbackChanged: () => this.update_({ feedbackRevision: this.state.feedbackRevision + 1 }),
      onMeetingRegistered: () => this.update_({ meetingRevision: this.state.meetingRevision + 1 }),
      onAlert: (alert) => this.update_({ alerts: upsertAlert(this.state.alerts, alert) }),
      onConnection: (connected) => this.update_({ connected }),
      onUnauthorized: () => this.endSession(t(this.state.lang, 'sessionEnded')),
    });
  }

  private async acknowledge(alertId: number, comment: string) {
    const session = this.state.session;
    if (!session || this.state.acknowledging !== null) return;
    this.update_({ acknowledging: alertId, error: null });
    try {
      const alert = await acknowledgeAlert(session.token, alertId, comment);
      this.update_({ alerts: upsertAlert(this.state.alerts, alert) });
    } catch (error) {
      if (error instanceof SessionExpired) return this.endSession(t(this.state.lang, 'sessionEnded'));
      this.update_({ error: error instanceof Refused ? error.message : t(this.state.lang, 'unreachable') });
      // What the server holds now, in case another manager acknowledged it first.
      void fetchAlerts(session.token).then((alerts) => this.update_({ alerts: sortAlerts(alerts) }), () => undefined);
    } finally {
      this.update_({ acknowledging: null });
    }
  }

  private async signOut() {
    const session = this.state.session;
    if (!session) return;
    try {
      await signOut(session);
      this.endSession(t(this.state.lang, 'signedOut'), false);
    } catch (error) {
      this.update_({ error: error instanceof Refused ? error.message : t(this.state.lang, 'unreachable') });
    }
  }

  /** Back to the sign-in screen, saying why. */
  private endSession(reason: string, error = true) {
    this.disconnect?.();
    this.disconnect = undefined;
    forgetSession();
    this.update_({ session: null, live: null, alerts: [], notice: { text: reason, error } });
  }

  private setLang(lang: Lang) {
    localStorage.setItem(LANG_KEY, lang);
    this.update_({ lang });
    this.applyLang(lang);
  }

  private applyLang(lang: Lang) {
    applyDocumentLanguage(lang, t(lang, 'title'));
  }

  /** Replaces the state object with a changed copy; Lit re-renders. */
  private update_(changes: Partial<ManagerState>) {
    this.state = { ...this.state, ...changes };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-manager-app': NbManagerApp;
  }
}
