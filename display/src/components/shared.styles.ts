// Styles every part of the board shares: a dark palette read from across a waiting room (text
// contrast above 7:1 on the panels), and the panel card. Sizes are in rem, and the page sets the
// rem from the screen's size (display.css), so 1920×1080 and 1280×720 show the same board.
import { css } from 'lit';

export const shared = css`
  :host {
    --nb-bg: #0c1b24;
    --nb-panel: #13293a;
    --nb-panel-alt: #183349;
    --nb-line: #2a4a63;
    --nb-text: #f4f7fa;
    --nb-muted: #b3c3d1;
    --nb-brand: #0b5563;
    --nb-accent: #ffc233;
    --nb-on-accent: #1b1300;
    --nb-closed: #8797a6;
    font-family: 'Vazirmatn', system-ui, sans-serif;
    color: var(--nb-text);
  }
  .panel {
    background: var(--nb-panel);
    border-radius: 0.9rem;
    padding: 1rem 1.25rem;
    box-sizing: border-box;
    min-block-size: 0;
    overflow: hidden;
  }
  h2 {
    margin: 0 0 0.6rem;
    font-size: 1.35rem;
    font-weight: 700;
    color: var(--nb-muted);
  }
  .num {
    font-variant-numeric: tabular-nums;
    unicode-bidi: isolate;
  }
`;
