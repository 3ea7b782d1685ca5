// Styles every staff panel (desk, manager) shares, on top of the base palette and focus ring: panels,
// compact but large action buttons (48 px, for a mouse and a quick hand), shortcut keys, badges, lists.
// Logical properties only, so RTL and LTR need nothing else. Colours meet WCAG AA on their grounds.
import { css } from 'lit';
import { baseStyles } from './base.styles.js';

export const staffStyles = [
  baseStyles,
  css`
    :host {
      --nb-danger: #a4161a;
      --nb-danger-bg: #fdecec;
      --nb-ok: #176b2c;
      --nb-priority: #7a3e00;
      --nb-priority-bg: #fff0dc;
      display: block;
    }
    button {
      min-block-size: 48px;
      min-inline-size: 48px;
      border-radius: 10px;
      font-size: 1.05rem;
      font-weight: 600;
      padding-inline: 1rem;
      display: inline-flex;
      align-items: center;
      justify-content: center;
      gap: 0.5rem;
    }
    button[disabled] {
      cursor: not-allowed;
      opacity: 1;
    }
    .primary {
      font-size: 1.25rem;
    }
    .secondary[disabled] {
      color: #5d6775;
      border-color: #b9c1cb;
      background: #f2f4f6;
    }
    .danger {
      background: var(--nb-surface);
      color: var(--nb-danger);
      border: 2px solid var(--nb-danger);
    }
    .danger[disabled] {
      color: #5d6775;
      border-color: #b9c1cb;
      background: #f2f4f6;
    }
    kbd {
      font: inherit;
      font-size: 0.85rem;
      font-weight: 700;
      direction: ltr;
      min-inline-size: 1.4rem;
      padding: 0 0.3rem;
      border-radius: 5px;
      border: 1px solid currentColor;
      opacity: 0.85;
    }
    .panel {
      background: var(--nb-surface);
      border: 1px solid var(--nb-line);
      border-radius: 14px;
      padding: 1rem 1.25rem;
    }
    h2 {
      font-size: 1.15rem;
      margin: 0 0 0.75rem;
      color: var(--nb-brand-dark);
    }
    .badge {
      display: inline-block;
      border-radius: 6px;
      padding: 0 0.5rem;
      font-size: 0.9rem;
      font-weight: 700;
      background: #eceff3;
      color: #333c48;
    }
    /* A booked visitor: called at the booked time, ahead of walk-ins. */
    .badge.booked {
      background: #dcefe3;
      color: #0d4a26;
    }
    .badge.priority {
      background: var(--nb-priority-bg);
      color: var(--nb-priority);
    }
    .muted {
      color: var(--nb-muted);
    }
    .num {
      font-variant-numeric: tabular-nums;
    }
  `,
];
