import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { BarController, BarElement, CategoryScale, Chart, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartConfiguration } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);
Chart.defaults.font.family = 'Vazirmatn, system-ui, sans-serif';

/** The colours of the series, in order: the brand, then colours that stay apart for colour-blind readers. */
export const SERIES_COLOURS = ['#0b5563', '#e69f00', '#56b4e9', '#cc79a7', '#009e73', '#d55e00'];

/** One chart.js chart on a canvas, redrawn when `config` is replaced. */
@customElement('nb-chart')
export class NbChart extends LitElement {
  /** What to draw; a new object redraws. */
  @property({ attribute: false }) config: ChartConfiguration | null = null;
  /** The chart's title, read out for the canvas. */
  @property() label = '';

  @query('canvas') private canvas!: HTMLCanvasElement;
  private chart: Chart | undefined;

  static override styles = css`
    :host {
      display: block;
      position: relative;
      block-size: 18rem;
    }
  `;

  override render() {
    return html`<canvas role="img" aria-label=${this.label}></canvas>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    if (!changed.has('config')) return;
    this.chart?.destroy();
    this.chart = this.config ? new Chart(this.canvas, { ...this.config, options: { responsive: true, maintainAspectRatio: false, animation: false, ...this.config.options } }) : undefined;
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  /** Whether a chart is drawn now (for tests and the history tab's empty state). */
  get drawn(): boolean {
    return this.chart !== undefined;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-chart': NbChart;
  }
}
