// Styles every light screen (kiosk, desk, manager) starts from: the palette (secondary text above
// 10:1 on white, for elderly readers; WCAG AA on the brand colour), the 64 px touch targets and the
// focus ring. Logical properties only, so RTL and LTR need nothing else; a text in the other script
// sets its own direction with dir="auto".
import { css } from 'lit';

export const baseStyles = css`
  :host {
    --nb-brand: #0b5563;
    --nb-brand-dark: #073b45;
    --nb-on-brand: #ffffff;
    --nb-text: #1b2430;
    --nb-muted: #333d4b;
    --nb-surface: #ffffff;
    --nb-line: #c9d2dc;
    --nb-warn-bg: #fff4d6;
    --nb-warn-text: #5c3d00;
    --nb-closed: #6b7480;
    font-family: 'Vazirmatn', system-ui, sans-serif;
    color: var(--nb-text);
  }
  button {
    font: inherit;
    min-block-size: 64px;
    min-inline-size: 64px;
    border-radius: 14px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 4px solid #f0a500;
    outline-offset: 3px;
  }
  .primary {
    background: var(--nb-brand);
    color: var(--nb-on-brand);
    border: none;
    font-size: 1.6rem;
    font-weight: 700;
    padding-inline: 2.5rem;
  }
  .primary:active {
    background: var(--nb-brand-dark);
  }
  .primary[disabled] {
    background: var(--nb-closed);
    cursor: default;
  }
  .secondary {
    background: var(--nb-surface);
    color: var(--nb-brand);
    border: 2px solid var(--nb-brand);
    font-size: 1.25rem;
    font-weight: 600;
    padding-inline: 1.5rem;
  }
`;
