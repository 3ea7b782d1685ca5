import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { readConfig } from '../config.js';
import { connectBoard, type BoardSnapshot, type PublicCall } from '../data/board.js';
import { fetchPosters, readOffice } from '../data/office.js';
import { loadedAssets, newVersionServed } from '../data/version.js';
import { applyDocumentLanguage, t } from '../i18n.js';
import type { DisplayState } from '../state.js';
import { callClips } from '../voice/call-clips.js';
import { AnnouncementQueue, type AnnouncementRecord } from '../voice/scheduler.js';
import { CLIP_IDS } from '../voice/vocabulary.js';
import { WebAudioPlayer } from '../voice/web-audio-player.js';
import { shared } from './shared.styles.js';
import './nb-clock.js';
import './nb-latest-call.js';
import './nb-recent-calls.js';
import './nb-service-lines.js';
import './nb-slides.js';
import './nb-ticker.js';

/** How long a new call stays highlighted. */
const HIGHLIGHT_MS = 10_000;
/** How often the TV asks whether a new version of the screens is served. */
const VERSION_CHECK_MS = 10 * 60_000;
/** The announcement log kept for tests and diagnosis (window.__nbAnnouncements). */
const LOG_LENGTH = 50;

declare global {
  interface Window {
    /** The last announcements, oldest first: what was queued, what played, when. */
    __nbAnnouncements?: AnnouncementRecord[];
  }
}

/**
 * The waiting-room board on a TV: the latest call large, the calls before it, each service's line and
 * estimated wait, the date and clock, a slide area and a ticker; a chime and a spoken call for each
 * call and recall. Runs unattended: reconnects, takes a fresh snapshot after a server restart and
 * reloads itself when a new version of the screens is served.
 */
@customElement('nb-display-app')
export class NbDisplayApp extends LitElement {
  private readonly config = readConfig();
  private readonly assets = loadedAssets();

  @state() private state: DisplayState = {
    lang: this.config.lang,
    office: { ...readOffice(), timeZone: 'Asia/Tehran' },
    services: [],
    posters: [],
    calls: [],
    announcements: [],
    highlighted: null,
    connected: true,
    clockOffsetMs: 0,
  };

  private readonly player = new WebAudioPlayer();
  /** The voice an admin chose: the clip set and whether a chime comes before each call. */
  private audio = readOffice().audio ?? { clipSet: 'default', chime: true };
  private readonly queue = new AnnouncementQueue(this.player, {
    now: () => Date.now(),
    wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    muted: this.config.muted,
    volume: this.config.volume,
    onStart: (announcement) => this.highlight(announcement.key),
    onEnd: (record) => {
      const log = (window.__nbAnnouncements ??= []);
      log.push(record);
      if (log.length > LOG_LENGTH) log.splice(0, log.length - LOG_LENGTH);
    },
  });
  private disconnect: (() => void) | undefined;
  private highlightTimer: ReturnType<typeof setTimeout> | undefined;
  private versionTimer: ReturnType<typeof setInterval> | undefined;

  static override styles = [
    shared,
    css`
      :host {
        display: grid;
        grid-template-rows: auto auto 1fr auto;
        block-size: 100vh;
        background: var(--nb-bg);
        overflow: hidden;
      }
      header {
        display: flex;
        align-items: center;
        gap: 1.5rem;
        padding: 0.6rem 1.5rem;
      }
      header h1 {
        margin: 0;
        margin-inline-end: auto;
        font-size: 1.9rem;
        font-weight: 800;
      }
      .offline {
        margin: 0 1rem;
        padding: 0.4rem 1rem;
        border-radius: 0.6rem;
        background: #fff4d6;
        color: #5c3d00;
        font-size: 1.3rem;
        font-weight: 700;
        text-align: center;
      }
      main {
        display: grid;
        grid-template-columns: 31rem 1fr 1fr;
        grid-template-rows: 24rem minmax(0, 1fr);
        grid-template-areas: 'latest lines slides' 'recent lines slides';
        gap: 1rem;
        padding: 0 1rem 1rem;
        min-block-size: 0;
      }
      nb-latest-call {
        grid-area: latest;
      }
      nb-recent-calls {
        grid-area: recent;
        min-block-size: 0;
      }
      nb-service-lines {
        grid-area: lines;
        min-block-size: 0;
      }
      nb-slides {
        grid-area: slides;
        min-block-size: 0;
      }
      @media (orientation: portrait) {
        main {
          grid-template-columns: 1fr 1fr;
          grid-template-rows: 24rem minmax(0, 1fr) minmax(0, 1fr);
          grid-template-areas: 'latest latest' 'recent lines' 'slides slides';
        }
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.applyLang();
    this.player.preload(CLIP_IDS);
    this.disconnect = connectBoard(this.config.token, {
      onBoard: (board) => this.applyBoard(board),
      onCall: (call) => this.announce(call),
      onConfig: (office) => {
        // Names, charter and posters change in place: a TV in a waiting room is never reloaded for it.
        this.update_({ office: { ...this.state.office, name: office.name, nameEn: office.nameEn, charter: office.charter }, announcements: office.announcements });
        if (office.audio.clipSet !== this.audio.clipSet) {
          this.player.forget();
          this.player.preload(CLIP_IDS);
        }
        this.audio = office.audio;
        void this.loadPosters();
      },
      onConnection: (connected) => {
        if (connected && !this.state.connected) void this.afterReconnect();
        if (connected !== this.state.connected) this.update_({ connected });
      },
    });
    void this.loadPosters();
    this.versionTimer = setInterval(() => void this.reloadIfNewVersion(), VERSION_CHECK_MS);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.disconnect?.();
    clearTimeout(this.highlightTimer);
    clearInterval(this.versionTimer);
  }

  override render() {
    const { lang, office, calls, services } = this.state;
    return html`
      <header>
        <h1>${lang === 'en' && office.nameEn ? office.nameEn : office.name || t(lang, 'title')}</h1>
        <nb-clock .timeZone=${office.timeZone} .offsetMs=${this.state.clockOffsetMs} .language=${lang}></nb-clock>
      </header>
      <div role="status">${this.state.connected ? '' : html`<p class="offline">${t(lang, 'reconnecting')}</p>`}</div>
      <main>
        <nb-latest-call .call=${calls[0]} .services=${services} .language=${lang} ?highlighted=${calls[0] !== undefined && calls[0].seq === this.state.highlighted}></nb-latest-call>
        <nb-recent-calls .calls=${calls} .services=${services} .language=${lang}></nb-recent-calls>
        <nb-service-lines .services=${services} .language=${lang}></nb-service-lines>
        <nb-slides .charter=${office.charter} .posters=${this.state.posters} .language=${lang}></nb-slides>
      </main>
      <nb-ticker .announcements=${this.state.announcements}></nb-ticker>
    `;
  }

  private applyBoard(board: BoardSnapshot) {
    // A call announced a moment ago may not be in this snapshot's list yet (snapshots are coalesced).
    const newer = this.state.calls.filter((call) => call.seq > board.seq);
    this.update_({
      office: { ...this.state.office, timeZone: board.office.timeZone },
      services: board.services,
      calls: [...newer, ...board.calls],
      announcements: board.announcements,
      clockOffsetMs: board.now - Date.now(),
    });
  }

  private announce(call: PublicCall) {
    if (!this.state.calls.some((c) => c.seq === call.seq)) this.update_({ calls: [call, ...this.state.calls].slice(0, 20) });
    this.queue.enqueue({
      key: call.seq,
      number: call.number,
      deskNumber: call.deskNumber,
      recall: call.recall,
      clips: callClips(call.number, call.meeting ? null : call.deskNumber).filter((clip) => clip !== 'chime' || this.audio.chime),
      queuedAt: Date.now(),
    });
  }

  private highlight(seq: number) {
    clearTimeout(this.highlightTimer);
    this.update_({ highlighted: seq });
    this.highlightTimer = setTimeout(() => this.update_({ highlighted: null }), HIGHLIGHT_MS);
  }

  private async afterReconnect() {
    await this.reloadIfNewVersion();
    await this.loadPosters();
  }

  private async reloadIfNewVersion() {
    if (await newVersionServed(this.assets)) location.reload();
  }

  private async loadPosters() {
    for (let attempt = 0; ; attempt++) {
      try {
        this.update_({ posters: await fetchPosters() });
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 1000 * 2 ** attempt)));
      }
    }
  }

  private applyLang() {
    applyDocumentLanguage(this.state.lang);
  }

  /** Replaces the state object with a changed copy; Lit re-renders. */
  private update_(changes: Partial<DisplayState>) {
    this.state = { ...this.state, ...changes };
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-display-app': NbDisplayApp;
  }
}
