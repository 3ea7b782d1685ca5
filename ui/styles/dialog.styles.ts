// The modal frame the staff screens' dialogs share: a native <dialog> over a dimmed backdrop, a centred panel.
import { css } from 'lit';

export const dialogStyles = css`
  dialog {
    border: none;
    padding: 0;
    background: transparent;
    max-inline-size: none;
    max-block-size: none;
    overflow: visible;
  }
  dialog::backdrop {
    background: rgb(10 20 30 / 45%);
  }
  form {
    background: var(--nb-surface);
    border-radius: 16px;
    padding: 1.5rem;
    inline-size: min(34rem, 92vw);
    display: grid;
    gap: 1rem;
    box-shadow: 0 10px 40px rgb(0 0 0 / 25%);
  }
  h2 {
    margin: 0;
    font-size: 1.35rem;
  }
  fieldset {
    border: 1px solid var(--nb-line);
    border-radius: 10px;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.25rem;
    padding: 0.5rem 1rem 0.75rem;
    margin: 0;
  }
  legend {
    font-weight: 700;
    padding-inline: 0.25rem;
  }
  label.choice {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    min-block-size: 40px;
    font-size: 1.05rem;
    cursor: pointer;
  }
  input[type='radio'] {
    inline-size: 1.2rem;
    block-size: 1.2rem;
    accent-color: var(--nb-brand);
  }
  textarea,
  select {
    font: inherit;
    font-size: 1.05rem;
    border: 2px solid var(--nb-line);
    border-radius: 10px;
    padding: 0.5rem 0.75rem;
    min-block-size: 48px;
    background: var(--nb-surface);
    color: var(--nb-text);
  }
  .buttons {
    display: flex;
    gap: 0.75rem;
    justify-content: flex-end;
  }
`;
