import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { localDigits } from '../../../ui/format.js';
import { t, tn, type Lang } from '../i18n.js';
import { serviceName, type ServicePoster } from '../state.js';
import { shared } from './shared.styles.js';

type Slide = { kind: 'charter'; title: string; text: string; part: number; parts: number } | { kind: 'service'; poster: ServicePoster };

/**
 * The slide area: the citizens' rights charter, a paragraph a slide, then each service's poster (its
 * steps and the time it takes at the desk), in turn.
 */
@customElement('nb-slides')
export class NbSlides extends LitElement {
  /** The office's charter: a title line, then paragraphs separated by blank lines; null if none. */
  @property({ attribute: false }) charter: string | null = null;
  /** The services' guidance. */
  @property({ attribute: false }) posters: ServicePoster[] = [];
  /** Seconds each slide stays. */
  @property({ type: Number }) seconds = 15;
  /** Which slide shows now. */
  @property({ type: Number }) index = 0;
  /** The reader's language. */
  @property() language: Lang = 'fa';

  private timer: ReturnType<typeof setInterval> | undefined;

  static override styles = [
    shared,
    css`
      :host {
        display: block;
      }
      .panel {
        block-size: 100%;
        display: flex;
        flex-direction: column;
        background: var(--nb-panel-alt);
      }
      .body {
        flex: 1;
        min-block-size: 0;
        overflow: hidden;
        animation: in 0.6s ease-out;
      }
      @keyframes in {
        from {
          opacity: 0;
        }
      }
      h3 {
        font-size: 1.9rem;
        margin: 0 0 0.75rem;
        color: var(--nb-accent);
      }
      p {
        font-size: 1.65rem;
        line-height: 1.95;
        margin: 0;
      }
      ol {
        margin: 0;
        padding-inline-start: 2rem;
        list-style: persian;
      }
      :host(:lang(en)) ol {
        list-style: decimal;
      }
      li {
        font-size: 1.3rem;
        line-height: 1.7;
        margin-block-end: 0.4rem;
      }
      .time {
        margin-block-start: 0.75rem;
        font-size: 1.35rem;
        font-weight: 700;
        color: var(--nb-accent);
      }
      .dots {
        display: flex;
        justify-content: center;
        gap: 0.45rem;
        padding-block-start: 0.5rem;
      }
      .dots span {
        inline-size: 0.6rem;
        block-size: 0.6rem;
        border-radius: 50%;
        background: var(--nb-line);
      }
      .dots .on {
        background: var(--nb-accent);
      }
    `,
  ];

  override connectedCallback() {
    super.connectedCallback();
    this.restart();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  override updated(changed: PropertyValues<this>) {
    if (changed.has('seconds')) this.restart();
  }

  private restart() {
    clearInterval(this.timer);
    this.timer = setInterval(() => (this.index = (this.index + 1) % Math.max(1, this.slides().length)), this.seconds * 1000);
  }

  private slides(): Slide[] {
    const [title = '', ...paragraphs] = (this.charter ?? '').split(/\n\s*\n/).map((p) => p.trim());
    const charter = paragraphs.map((text, i): Slide => ({ kind: 'charter', title, text, part: i + 1, parts: paragraphs.length }));
    const services = this.posters.filter((p) => p.guidance.steps.length > 0).map((poster): Slide => ({ kind: 'service', poster }));
    return [...charter, ...services];
  }

  override render() {
    const slides = this.slides();
    if (slides.length === 0) return html``;
    const current = this.index % slides.length;
    const slide = slides[current]!;
    return html`
      <section class="panel" data-slide=${slide.kind === 'charter' ? `charter-${slide.part}` : `service-${slide.poster.id}`}>
        <div class="body">${this.renderSlide(slide)}</div>
        <div class="dots" aria-hidden="true">${slides.map((_, i) => html`<span class=${i === current ? 'on' : ''}></span>`)}</div>
      </section>
    `;
  }

  private renderSlide(slide: Slide) {
    const lang = this.language;
    if (slide.kind === 'charter') {
      // The charter is the office's own text, in Persian whatever the board's language.
      return html`<h2>${t(lang, 'charter')} <span class="num">${localDigits(`${slide.part}/${slide.parts}`, lang)}</span></h2>
        <div lang="fa" dir="rtl"><h3>${slide.title}</h3><p>${slide.text}</p></div>`;
    }
    const { poster } = slide;
    const steps = lang === 'en' && poster.guidance.stepsEn?.length ? poster.guidance.stepsEn : poster.guidance.steps;
    return html`<h2>${t(lang, 'steps')}</h2>
      <h3>${serviceName(poster, lang)}</h3>
      <ol>${steps.map((step) => html`<li>${step}</li>`)}</ol>
      ${poster.guidance.expectedMinutes ? html`<p class="time">${tn(lang, 'expectedTime', poster.guidance.expectedMinutes, { n: localDigits(poster.guidance.expectedMinutes, lang) })}</p>` : ''}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-slides': NbSlides;
  }
}
