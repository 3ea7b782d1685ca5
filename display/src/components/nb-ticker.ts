import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * The office's announcements, scrolling along the bottom of the board in the reading direction: the
 * text runs in twice and moves by one copy's width, so the loop has no seam. A CSS animation only,
 * so weeks of scrolling cost no script.
 */
@customElement('nb-ticker')
export class NbTicker extends LitElement {
  /** The announcements: the office's own words, in Persian whatever the board's language. */
  @property({ attribute: false }) announcements: string[] = [];

  static override styles = css`
    :host {
      display: block;
      overflow: hidden;
      background: #f4f7fa;
      color: #0c1b24;
      direction: rtl;
    }
    .track {
      display: flex;
      inline-size: max-content;
      animation: run var(--nb-ticker-seconds, 60s) linear infinite;
    }
    .copy {
      display: flex;
      white-space: nowrap;
      font-size: 1.6rem;
      font-weight: 600;
      line-height: 3.2rem;
    }
    .item::after {
      content: '◆';
      color: #0b5563;
      padding-inline: 2.5rem;
    }
    @keyframes run {
      to {
        transform: translateX(50%);
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .track {
        animation: none;
      }
    }
  `;

  override willUpdate() {
    // About 9 characters a second reads comfortably from across the room. Set through CSSOM, which the
    // Content-Security-Policy allows; a style attribute (or Lit's styleMap on first render) it blocks.
    const seconds = Math.max(20, Math.round(this.announcements.join('').length / 9));
    this.style.setProperty('--nb-ticker-seconds', `${seconds}s`);
  }

  override render() {
    if (this.announcements.length === 0) return html``;
    const items = this.announcements.map((text) => html`<span class="item">${text}</span>`);
    return html`<div class="track" lang="fa">
      <div class="copy">${items}</div>
      <div class="copy" aria-hidden="true">${items}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'nb-ticker': NbTicker;
  }
}
