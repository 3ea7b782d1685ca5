// The desk shell's layout: a header with the desk and the clerk, status bars (connection, refusal,
// pause) that say plainly what is wrong, and the current ticket beside the queue.
import { css } from 'lit';

export const deskAppStyles = css`
  header .desk {
    font-size: 1.35rem;
    font-weight: 800;
    background: rgb(255 255 255 / 16%);
    border-radius: 8px;
    padding: 0.1rem 0.75rem;
  }
  header button[disabled] {
    color: rgb(255 255 255 / 80%);
    border-color: rgb(255 255 255 / 40%);
    background: transparent;
  }
  .bar button {
    min-block-size: 40px;
  }
  .info {
    background: #e6f0f2;
    color: var(--nb-brand-dark);
  }
  .paused {
    background: #3b2f00;
    color: #ffffff;
    font-size: 1.3rem;
  }
  .paused small {
    display: block;
    font-size: 1rem;
    font-weight: 400;
  }
  .paused button {
    background: #ffd95a;
    color: #2a2100;
    border: none;
    font-size: 1.2rem;
    min-block-size: 52px;
    padding-inline: 1.5rem;
  }
  main {
    flex: 1;
    display: grid;
    grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
    gap: 1rem;
    padding: 1rem 1.25rem;
    align-items: start;
  }
  .column {
    display: grid;
    gap: 1rem;
  }
  @media (max-width: 900px) {
    main {
      grid-template-columns: 1fr;
    }
  }
  .loading {
    padding: 2rem;
    font-size: 1.3rem;
  }
`;
