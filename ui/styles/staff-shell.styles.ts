// The frame the staff screens (desk, manager) share: a column filling the window, the brand header
// with its outlined buttons, and the status bars that say plainly what is wrong.
import { css } from 'lit';

export const staffShellStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-block-size: 100vh;
  }
  header {
    display: flex;
    align-items: center;
    flex-wrap: wrap;
    gap: 0.75rem;
    padding: 0.6rem 1.25rem;
    background: var(--nb-brand);
    color: var(--nb-on-brand);
  }
  header h1 {
    font-size: 1.35rem;
    margin: 0;
  }
  header .who {
    margin-inline-end: auto;
  }
  header button {
    background: transparent;
    color: var(--nb-on-brand);
    border: 2px solid rgb(255 255 255 / 75%);
    min-block-size: 44px;
  }
  .bar {
    margin: 0;
    padding: 0.75rem 1.25rem;
    font-size: 1.1rem;
    font-weight: 600;
    display: flex;
    align-items: center;
    gap: 1rem;
  }
  .bar span {
    flex: 1;
  }
  .offline {
    background: var(--nb-warn-bg);
    color: var(--nb-warn-text);
    border-block-end: 2px solid #e0b44a;
  }
  .error {
    background: var(--nb-danger-bg);
    color: var(--nb-danger);
    border-block-end: 2px solid var(--nb-danger);
  }
`;
