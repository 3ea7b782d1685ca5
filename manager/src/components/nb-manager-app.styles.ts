// The manager shell's layout: a header with the office and the manager, the tab bar, status bars that
// say plainly what is wrong, and the tab's panel. Wraps on a tablet in portrait.
import { css } from 'lit';

export const managerAppStyles = css`
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
  nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    padding: 0.5rem 1.25rem 0;
    background: var(--nb-surface);
    border-block-end: 1px solid var(--nb-line);
  }
  nav button {
    background: transparent;
    border: none;
    border-block-end: 4px solid transparent;
    border-radius: 0;
    color: var(--nb-muted);
    font-size: 1.1rem;
  }
  nav button[aria-selected='true'] {
    color: var(--nb-brand-dark);
    border-block-end-color: var(--nb-brand);
    font-weight: 800;
  }
  .bar {
    margin: 0;
    padding: 0.75rem 1.25rem;
    font-size: 1.05rem;
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
  }
  .error {
    background: var(--nb-danger-bg);
    color: var(--nb-danger);
  }
  section {
    flex: 1;
    padding: 1rem 1.25rem;
  }
`;
