// Styles of the kiosk's forms of the citizens' voice: questions, big choice buttons that show which
// is chosen (aria-pressed), and the row of back / next buttons.
import { css } from 'lit';

export const choices = css`
  .lead {
    font-size: 2.2rem;
    font-weight: 800;
    margin-block: 0 1rem;
    color: var(--nb-brand-dark);
  }
  fieldset {
    border: none;
    margin: 0 0 1.25rem;
    padding: 0;
  }
  legend,
  .question {
    display: block;
    font-size: 1.6rem;
    font-weight: 700;
    margin-block-end: 0.75rem;
  }
  .help {
    font-size: 1.2rem;
    color: var(--nb-muted);
    margin-block: 0 0.75rem;
  }
  .choices {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr));
    gap: 0.75rem;
  }
  .choice {
    min-block-size: 80px;
    font-size: 1.4rem;
    font-weight: 600;
    background: var(--nb-surface);
    color: var(--nb-text);
    border: 2px solid var(--nb-line);
    padding: 0.5rem 1rem;
  }
  .choice[aria-pressed='true'] {
    background: var(--nb-brand);
    border-color: var(--nb-brand);
    color: var(--nb-on-brand);
  }
  .actions {
    display: flex;
    justify-content: flex-end;
    gap: 1rem;
    margin-block-start: 1.5rem;
  }
  .error {
    background: var(--nb-warn-bg);
    color: var(--nb-warn-text);
    border-radius: 12px;
    padding: 1rem 1.25rem;
    font-size: 1.3rem;
  }
`;
