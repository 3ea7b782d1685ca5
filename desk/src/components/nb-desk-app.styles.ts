// The desk shell's layout: a header with the desk and the clerk, status bars (connection, refusal,
// pause) that say plainly what is wrong, and the current ticket beside the queue.
import { css } from 'lit';

export const deskAppStyles = css`
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
  header .desk {
    font-size: 1.35rem;
    font-weight: 800;
    background: rgb(255 255 255 / 16%);
    border-radius: 8px;
    padding: 0.1rem 0.75rem;
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
  header button[disabled] {
    color: rgb(255 255 255 / 80%);
    border-color: rgb(255 255 255 / 40%);
    background: transparent;
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
  .bar button {
    min-block-size: 40px;
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
