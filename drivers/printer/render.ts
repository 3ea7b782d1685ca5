// Renders a laid-out ticket to 1-bit bitmaps the width of the paper: the static header (cached per
// office name and width, since it never changes) and the per-ticket body.
import { blankBitmap, stackBitmaps, type Bitmap } from './bitmap.js';
import { layoutTicket, type Align, type LayoutBlock } from './layout.js';
import { renderQrCode } from './qr-render.js';
import { renderTextLine } from './text-render.js';
import type { TicketPrintJob } from './types.js';

export interface RenderedTicket {
  header: Bitmap;
  body: Bitmap;
}

/** Side margins in dots: most heads cannot burn the outermost dots cleanly. */
const sideMargin = 8;

const headerCache = new Map<string, Promise<Bitmap>>();

export async function renderTicket(job: TicketPrintJob, widthDots: number): Promise<RenderedTicket> {
  const layout = layoutTicket(job, widthDots);
  const headerKey = `${widthDots}|${job.officeName}`;
  let header = headerCache.get(headerKey);
  if (!header) {
    header = renderBlocks(layout.header, widthDots);
    header.catch(() => headerCache.delete(headerKey));
    headerCache.set(headerKey, header);
  }
  const [headerImage, bodyImage] = await Promise.all([header, renderBlocks(layout.body, widthDots)]);
  return { header: headerImage, body: bodyImage };
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
      return renderTextLine({ text: block.text, sizePx: block.sizePx, bold: block.bold, align: block.align, maxWidth: widthDots - 2 * sideMargin });
    case 'qr':
      return renderQrCode(block.url, block.dotsPerModule);
    case 'rule': {
      const rule = blankBitmap(widthDots - 2 * sideMargin, block.thicknessDots);
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
