// What the inbox and the meeting screens share: cards with a coloured edge and a word for their
// state (never the colour alone), compact forms, and the overdue mark.
import { css } from 'lit';
import { managerStyles } from '../components/manager.styles.js';

export const voiceStyles = [
  ...managerStyles,
  css`
    :host {
      display: grid;
      gap: 1rem;
    }
    .card {
      border: 1px solid var(--nb-line);
      border-inline-start: 6px solid var(--nb-brand);
      border-radius: 10px;
      padding: 0.75rem 1rem;
      display: grid;
      gap: 0.5rem;
      background: var(--nb-surface);
    }
    .card.overdue {
      border-inline-start-color: var(--nb-danger);
    }
    .card.done {
      border-inline-start-color: var(--nb-ok);
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem 1rem;
      color: var(--nb-muted);
    }
    .badge {
      font-weight: 700;
      color: var(--nb-text);
    }
    .flag {
      font-weight: 800;
      color: var(--nb-danger);
    }
    .flag::before {
      content: '⚠ ';
    }
    .fine {
      color: var(--nb-ok);
      font-weight: 600;
    }
    .body {
      white-space: pre-wrap;
      line-height: 1.8;
      margin: 0;
    }
    form.row,
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    label {
      display: grid;
      gap: 0.25rem;
      font-weight: 600;
    }
    textarea {
      inline-size: 100%;
      min-block-size: 4.5rem;
      padding-block: 0.4rem;
      line-height: 1.7;
    }
    .grow {
      flex: 1 1 16rem;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.75rem;
    }
    .panel h2 {
      font-size: 1.1rem;
      margin-block: 0 0.5rem;
    }
  `,
];
