// The feedback pages' layout: one column for a phone, big fields and buttons, the code large.
import { css } from 'lit';

export const pageStyles = css`
  :host {
    display: block;
    max-inline-size: 40rem;
    margin-inline: auto;
  }
  header {
    display: flex;
    align-items: center;
    gap: 1rem;
    padding: 0.5rem 1rem;
    background: var(--nb-brand);
    color: var(--nb-on-brand);
  }
  .office {
    margin: 0;
    margin-inline-end: auto;
    font-weight: 700;
  }
  header .lang {
    min-block-size: 44px;
    background: transparent;
    color: var(--nb-on-brand);
    border: 2px solid rgb(255 255 255 / 70%);
  }
  main {
    padding: 1rem;
  }
  h1 {
    font-size: 1.5rem;
    color: var(--nb-brand-dark);
  }
  h2 {
    font-size: 1.2rem;
  }
  label,
  legend {
    display: block;
    font-weight: 700;
    margin-block: 1rem 0.35rem;
  }
  fieldset {
    border: none;
    padding: 0;
    margin: 0;
  }
  .radio {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    font-weight: 400;
    min-block-size: 44px;
    margin: 0;
  }
  .radio input {
    inline-size: 1.4rem;
    block-size: 1.4rem;
  }
  select,
  textarea,
  input:not([type='radio']) {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 48px;
    font: inherit;
    font-size: 1.05rem;
    padding: 0.5rem 0.75rem;
    border: 2px solid var(--nb-line);
    border-radius: 10px;
    background: var(--nb-surface);
    color: var(--nb-text);
  }
  :focus-visible {
    outline: 3px solid #f0a500;
  }
  .help {
    color: var(--nb-muted);
    font-size: 0.95rem;
    margin-block: 0.25rem;
  }
  .kept {
    background: #e6eff2;
    border-radius: 10px;
    padding: 0.75rem 1rem;
    font-size: 0.95rem;
  }
  .about {
    background: #e6eff2;
    border-radius: 10px;
    padding: 0.5rem 1rem;
    font-weight: 700;
  }
  button.primary,
  a.primary {
    inline-size: 100%;
    min-block-size: 52px;
    font-size: 1.2rem;
    margin-block-start: 1rem;
  }
  a.link {
    display: flex;
    align-items: center;
    justify-content: center;
    text-decoration: none;
    border-radius: 14px;
  }
  button.secondary {
    min-block-size: 48px;
    margin-block-start: 0.75rem;
  }
  .rating .scores {
    display: flex;
    gap: 0.5rem;
  }
  .rating .scores button {
    flex: 1;
    font-size: 1.3rem;
  }
  .follow {
    margin-block-start: 2rem;
    border-block-start: 1px solid var(--nb-line);
  }
  .label {
    margin-block-end: 0;
    color: var(--nb-muted);
    font-weight: 700;
  }
  .code {
    direction: ltr;
    text-align: center;
    font-size: 2.4rem;
    font-weight: 800;
    margin-block: 0.25rem 1rem;
    color: var(--nb-brand-dark);
  }
  .code.small {
    font-size: 1.6rem;
  }
  .status {
    font-size: 1.25rem;
    font-weight: 800;
  }
  dl {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 1rem;
  }
  dt {
    color: var(--nb-muted);
  }
  dd {
    margin: 0;
  }
  .answer {
    background: var(--nb-surface);
    border-inline-start: 6px solid var(--nb-brand);
    border-radius: 10px;
    padding: 0.5rem 1rem;
  }
  .answer p {
    white-space: pre-wrap;
  }
  .error {
    background: var(--nb-warn-bg);
    color: var(--nb-warn-text);
    border-radius: 10px;
    padding: 0.75rem 1rem;
  }
`;
