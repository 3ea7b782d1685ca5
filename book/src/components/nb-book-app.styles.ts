// The booking page shell's own layout: a narrow column for a phone, the step bar, and the boxes
// that say what went wrong or right.
import { css } from 'lit';

export const appStyles = css`
  :host {
    max-inline-size: 34rem;
    margin-inline: auto;
    padding: 0.75rem 1rem 2rem;
  }
  header {
    display: flex;
    align-items: center;
    gap: 1rem;
    margin-block-end: 0.5rem;
  }
  .office {
    margin: 0;
    margin-inline-end: auto;
    font-weight: 700;
  }
  h1 {
    font-size: 1.5rem;
    margin: 0.5rem 0 0.75rem;
  }
  ol.steps {
    list-style: none;
    display: flex;
    gap: 0.25rem;
    padding: 0;
    margin: 0 0 1rem;
    font-size: 0.8rem;
  }
  ol.steps li {
    flex: 1;
    text-align: center;
    border-block-end: 4px solid var(--nb-line);
    padding-block-end: 0.25rem;
    color: var(--nb-muted);
  }
  ol.steps li.done,
  ol.steps li[aria-current='step'] {
    border-color: var(--nb-brand);
    color: var(--nb-text);
    font-weight: 700;
  }
  .error {
    background: #fde8e8;
    color: #7a1010;
    border-inline-start: 6px solid #a61b1b;
    border-radius: 10px;
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
    line-height: 1.7;
  }
  .notice {
    background: #e3f4ea;
    color: #0d4a26;
    border-inline-start: 6px solid #1b7a43;
    border-radius: 10px;
    padding: 0.75rem 1rem;
    margin: 0 0 1rem;
  }
  .chosen {
    color: var(--nb-muted);
    margin: -0.5rem 0 1rem;
  }
  .below {
    display: grid;
    gap: 0.75rem;
    margin-block-start: 1.5rem;
  }
`;
