// Renders a laid-out ticket to 1-bit bitmaps the width of the paper: the static header (cached per
// office name, logo and width, since it changes only when an admin changes those) and the per-ticket body.
import { blankBitmap, stackBitmaps, type Bitmap } from './bitmap.js';
import { headerIdentity, layoutHeader, layoutTicket, type Align, type HeaderContent, type LayoutBlock } from './layout.js';
import { renderLogo } from './logo.js';
import { renderQrCode } from './qr-render.js';
import { renderTextLine } from './text-render.js';
import { layoutFollowUpSlip } from './follow-up-layout.js';
import type { PrintJob } from './types.js';

export interface RenderedTicket {
  header: Bitmap;
  body: Bitmap;
}

/** Side margins in dots: most heads cannot burn the outermost dots cleanly. */
const sideMargin = 8;

/** The dots a block may use across the paper. */
export function printableWidth(widthDots: number): number {
  return widthDots - 2 * sideMargin;
}

const headerCache = new Map<string, Promise<Bitmap>>();
/** A few headers at most: the current one, and the one before it while an admin tries logos out. */
const headerCacheLimit = 4;

/** A ticket, or a follow-up slip: the same header, its own body. */
export async function renderTicket(job: PrintJob, widthDots: number): Promise<RenderedTicket> {
  const layout = job.kind === 'follow-up' ? layoutFollowUpSlip(job, widthDots) : layoutTicket(job, widthDots);
  const [header, body] = await Promise.all([renderHeader(job, widthDots), renderBlocks(layout.body, widthDots)]);
  return { header, body };
}

/** The static header alone: what every ticket opens with (also the admin screen's logo preview). */
export function renderHeader(content: HeaderContent, widthDots: number): Promise<Bitmap> {
  const headerKey = `${widthDots}|${headerIdentity(content)}`;
  let header = headerCache.get(headerKey);
  if (!header) {
    header = renderBlocks(layoutHeader(content, widthDots), widthDots);
    header.catch(() => headerCache.delete(headerKey));
    headerCache.set(headerKey, header);
    if (headerCache.size > headerCacheLimit) headerCache.delete(headerCache.keys().next().value!);
  }
  return header;
}

/** The whole ticket as one image, as a plain printer without NV memory prints it. */
export function wholeTicket(ticket: RenderedTicket): Bitmap {
  return stackBitmaps(ticket.header.width, [
    { image: ticket.header, left: 0 },
    { image: ticket.body, left: 0 },
  ]);
}

async function renderBlocks(blocks: LayoutBlock[], widthDots: number): Promise<Bitmap> {
  const images = await Promise.all(blocks.map((block) => renderBlock(block, widthDots)));
  return stackBitmaps(
    widthDots,
    images.map((image, i) => ({ image, left: leftOffset(image.width, widthDots, alignOf(blocks[i]!)) })),
  );
}

function renderBlock(block: LayoutBlock, widthDots: number): Promise<Bitmap> | Bitmap {
  switch (block.kind) {
    case 'text':
      return renderTextLine({ text: block.text, sizePx: block.sizePx, bold: block.bold, align: block.align, maxWidth: printableWidth(widthDots) });
    case 'qr':
      return renderQrCode(block.url, block.minSideDots);
    case 'logo':
      // The server decoded the logo when it was uploaded; should it still not decode, the ticket prints without it.
      return renderLogo(block.logo, printableWidth(widthDots)).catch(() => blankBitmap(1, 0));
    case 'rule': {
      const rule = blankBitmap(printableWidth(widthDots), block.thicknessDots);
      rule.bits.fill(0xff);
      return rule;
    }
    case 'gap':
      return blankBitmap(1, block.dots);
  }
}

function alignOf(block: LayoutBlock): Align {
  return block.kind === 'text' ? block.align : 'centre';
}

function leftOffset(imageWidth: number, widthDots: number, align: Align): number {
  if (align === 'left') return sideMargin;
  if (align === 'right') return Math.max(0, widthDots - sideMargin - imageWidth);
  return Math.max(0, Math.floor((widthDots - imageWidth) / 2));
}
