// Styles every part of the booking page shares: the kiosk's palette (secondary text above 10:1 on
// white), touch targets of at least 48 px for a thumb on a phone, a visible focus ring, and logical
// properties only, so RTL and LTR need nothing else.
import { css } from 'lit';

export const bookStyles = css`
  :host {
    --nb-brand: #0b5563;
    --nb-brand-dark: #073b45;
    --nb-on-brand: #ffffff;
    --nb-text: #1b2430;
    --nb-muted: #333d4b;
    --nb-surface: #ffffff;
    --nb-line: #c9d2dc;
    --nb-disabled: #6b7480;
    display: block;
    font-family: 'Vazirmatn', system-ui, sans-serif;
    color: var(--nb-text);
  }
  h2 {
    font-size: 1.25rem;
    margin: 0 0 1rem;
  }
  h2:focus {
    outline: none;
  }
  button,
  input {
    font: inherit;
  }
  button {
    min-block-size: 48px;
    min-inline-size: 48px;
    border-radius: 12px;
    cursor: pointer;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid #f0a500;
    outline-offset: 2px;
  }
  .primary {
    background: var(--nb-brand);
    color: var(--nb-on-brand);
    border: none;
    font-size: 1.1rem;
    font-weight: 700;
    padding-inline: 1.5rem;
    inline-size: 100%;
  }
  .primary[disabled] {
    background: var(--nb-disabled);
    cursor: default;
  }
  .secondary {
    background: var(--nb-surface);
    color: var(--nb-brand);
    border: 2px solid var(--nb-brand);
    font-weight: 600;
    padding-inline: 1rem;
  }
  .choices {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75rem;
  }
  .choice {
    inline-size: 100%;
    min-block-size: 56px;
    background: var(--nb-surface);
    border: 2px solid var(--nb-line);
    color: var(--nb-text);
    font-size: 1.1rem;
    font-weight: 600;
    text-align: start;
    padding: 0.5rem 1rem;
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
  }
  .choice:hover {
    border-color: var(--nb-brand);
  }
  .note {
    color: var(--nb-muted);
    font-size: 0.95rem;
    font-weight: 400;
  }
  label {
    display: block;
    font-weight: 700;
    margin-block-end: 0.5rem;
  }
  input {
    box-sizing: border-box;
    inline-size: 100%;
    min-block-size: 52px;
    font-size: 1.3rem;
    padding-inline: 0.75rem;
    border: 2px solid var(--nb-muted);
    border-radius: 10px;
    background: var(--nb-surface);
    color: var(--nb-text);
  }
  input[aria-invalid='true'] {
    border-color: #a61b1b;
  }
  .help {
    color: var(--nb-muted);
    font-size: 0.95rem;
    line-height: 1.7;
    margin: 0.5rem 0 1rem;
  }
  .invalid {
    color: #a61b1b;
    font-weight: 600;
    margin: 0 0 1rem;
  }
  form > * + button {
    margin-block-start: 0.5rem;
  }
`;
