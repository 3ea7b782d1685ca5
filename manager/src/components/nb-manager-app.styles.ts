// The manager shell's layout: a header with the office and the manager, the tab bar, status bars that
// say plainly what is wrong, and the tab's panel. Wraps on a tablet in portrait.
import { css } from 'lit';

export const managerAppStyles = css`
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
  section {
    flex: 1;
    padding: 1rem 1.25rem;
  }
`;
