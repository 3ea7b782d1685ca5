// What every administration form shares: labelled fields in a grid, inline Persian messages under
// the field they concern, and the form's own message (a conflict, a refusal) above its buttons.
import { css } from 'lit';
import { managerStyles } from '../components/manager.styles.js';

export const adminStyles = [
  ...managerStyles,
  css`
    :host {
      display: block;
    }
    form {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
      gap: 0.9rem 1.2rem;
      align-items: start;
    }
    label {
      display: grid;
      gap: 0.3rem;
      font-weight: 600;
    }
    label.wide,
    .wide {
      grid-column: 1 / -1;
    }
    label.check {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: 500;
    }
    textarea {
      min-block-size: 6rem;
      padding-block: 0.5rem;
      line-height: 1.7;
    }
    .error {
      color: var(--nb-danger);
      font-weight: 600;
      font-size: 0.95rem;
    }
    .form-message {
      grid-column: 1 / -1;
      padding: 0.75rem 1rem;
      border-radius: 10px;
      background: var(--nb-danger-bg);
      color: var(--nb-danger);
      font-weight: 600;
    }
    .form-message.ok {
      background: #e6f4ea;
      color: var(--nb-ok);
    }
    .actions {
      grid-column: 1 / -1;
      display: flex;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    fieldset {
      border: 1px solid var(--nb-line);
      border-radius: 10px;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1.2rem;
    }
    h3 {
      margin-block: 1.5rem 0.75rem;
      color: var(--nb-brand-dark);
    }
    .list {
      display: grid;
      gap: 0.5rem;
      margin-block-end: 1rem;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      flex-wrap: wrap;
    }
    .code {
      font-size: 2.5rem;
      font-weight: 800;
      letter-spacing: 0.2em;
      direction: ltr;
      unicode-bidi: isolate;
    }
  `,
];
