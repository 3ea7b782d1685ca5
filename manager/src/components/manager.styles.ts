// Styles every manager panel shares: the desk's palette, buttons and panels, plus tables and figures
// that stay readable on a laptop and a tablet. Logical properties only, so RTL and LTR need nothing else.
import { css } from 'lit';
import { staffStyles } from '../../../ui/styles/staff.styles.js';

export const managerStyles = [
  ...staffStyles,
  css`
    table {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    th,
    td {
      text-align: start;
      padding: 0.45rem 0.6rem;
      border-block-end: 1px solid var(--nb-line);
    }
    th {
      font-size: 0.95rem;
      color: var(--nb-muted);
      font-weight: 600;
    }
    .scroll {
      overflow-x: auto;
    }
    .figure {
      font-size: 2rem;
      font-weight: 800;
      color: var(--nb-brand-dark);
    }
    .warn {
      color: var(--nb-danger);
      font-weight: 700;
    }
    input,
    select,
    textarea {
      font: inherit;
      font-size: 1.05rem;
      min-block-size: 44px;
      padding-inline: 0.6rem;
      border: 2px solid var(--nb-line);
      border-radius: 10px;
      background: var(--nb-surface);
      color: var(--nb-text);
      box-sizing: border-box;
    }
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible {
      outline: 3px solid #f0a500;
      outline-offset: 1px;
    }
  `,
];
