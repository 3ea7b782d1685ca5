// The ticket logo, from the admin's upload over real HTTP to the ESC/POS bytes the virtual printer
// writes: a checkerboard uploaded as a PNG is burnt at the top of the next ticket, square for square
// (decoded back from the bytes, not taken from the renderer), re-uploaded to the printer's NV memory
// because the header changed; removing it removes it. Bad files, wrong people and cross-site requests
// are refused with the right status and change nothing; the audit trail keeps the logo's hash and
// size, not its bytes; the exported office file carries it and loads back.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { io as connect, type Socket } from 'socket.io-client';
import { parse } from 'yaml';
import { bitmapFromCoverage, blankBitmap, countDifferentDots, getDot, setDot, type Bitmap } from '../../drivers/printer/bitmap.js';
import { renderHeader } from '../../drivers/printer/render.js';
import { LOGO_MAX_HEIGHT, logoBytes } from '../../server/config/logo.js';
import { OfficeConfigError, parseOffice } from '../../server/config/load.js';
import { persianProblems } from '../../server/config/problems-fa.js';
import { officeSchema } from '../../server/config/schema.js';
import { decodeEscPos, type NvStore } from '../printer/escpos-decode.js';
import { startTestOffice, type TestOffice } from './lib/office-server.js';

const LOGO_WIDTH = 192;
const LOGO_HEIGHT = 96;
const SQUARE = 16;
/** Where the centred logo lands on 576-dot paper. */
const LOGO_LEFT = (576 - LOGO_WIDTH) / 2;

/** A checkerboard of 16-dot squares, ink in the top-left corner: nothing else prints like it. */
function checkerboard(): Bitmap {
  const image = blankBitmap(LOGO_WIDTH, LOGO_HEIGHT);
  for (let y = 0; y < LOGO_HEIGHT; y++) {
    for (let x = 0; x < LOGO_WIDTH; x++) if ((Math.floor(x / SQUARE) + Math.floor(y / SQUARE)) % 2 === 0) setDot(image, x, y);
  }
  return image;
}

async function pngOf(image: Bitmap): Promise<Buffer> {
  const grey = new Uint8Array(image.width * image.height);
  for (let y = 0; y < image.height; y++) for (let x = 0; x < image.width; x++) grey[y * image.width + x] = getDot(image, x, y) ? 0 : 255;
  return sharp(grey, { raw: { width: image.width, height: image.height, channels: 1 } }).png().toBuffer();
}

function crop(image: Bitmap, left: number, top: number, width: number, height: number): Bitmap {
  const out = blankBitmap(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) if (top + y < image.height && left + x < image.width && getDot(image, left + x, top + y)) setDot(out, x, y);
  }
  return out;
}

async function bitmapOfPng(png: Uint8Array): Promise<Bitmap> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return bitmapFromCoverage(Uint8Array.from(data, (v) => 255 - v), info.width, info.height, 128);
}

describe('ticket logo', () => {
  let office: TestOffice;
  let admin: string;
  let kiosk: Socket;
  const nv: NvStore = new Map();
  const pattern = checkerboard();
  let patternPng: Buffer;

  const printerVersion = async () => (await office.api('GET', '/admin/config', { token: admin })).body.versions.printer as number;
  const storedLogo = async () => (await office.api('GET', '/admin/config', { token: admin })).body.config.printer?.logo as string | undefined;
  const upload = (path: string, body: Uint8Array | string, headers: Record<string, string> = { authorization: `Bearer ${admin}` }) =>
    fetch(`${office.server.url}/api/v1/admin/printer/logo${path}`, { method: path.startsWith('/preview') ? 'POST' : 'PUT', headers: { 'content-type': 'image/png', ...headers }, body: typeof body === 'string' ? body : new Uint8Array(body) });

  /** Issues a ticket at the (demo) kiosk and answers what the virtual printer burnt for it. */
  async function printTicket() {
    const issued = await office.api('POST', '/tickets', { body: { serviceId: 'certificate' } });
    assert.equal(issued.status, 201);
    const id = issued.body.id as string;
    const result = await new Promise<{ ok: boolean }>((resolve) => {
      const listener = (message: { ticketId: string; ok: boolean }) => {
        if (message.ticketId !== id) return;
        kiosk.off('print:result', listener);
        resolve(message);
      };
      kiosk.on('print:result', listener);
    });
    assert.ok(result.ok, `ticket ${id} printed`);
    return decodeEscPos(readFileSync(join(office.dataDir, 'printed', `${id.replace(/[^\p{L}\p{N}_-]/gu, '_')}.bin`)), 576, nv);
  }

  before(async () => {
    office = await startTestOffice();
    admin = await office.login('admin');
    patternPng = await pngOf(pattern);
    kiosk = connect(office.server.url, { auth: { screen: 'kiosk' }, transports: ['websocket'], reconnection: false, forceNew: true });
    await new Promise<void>((resolve) => kiosk.once('connect', () => resolve()));
    // The header kept in the printer's NV memory, so that a changed logo must be uploaded to it again.
    const saved = await office.api('PUT', '/admin/printer', { token: admin, body: { version: await printerVersion(), widthDots: 576, nvHeader: true, timeoutMs: 2000 } });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
  });
  after(async () => {
    kiosk?.close();
    await office?.stop();
  });

  it('previews the header as it will print, and saves nothing', async () => {
    const version = await printerVersion();
    const response = await upload('/preview', patternPng);
    assert.equal(response.status, 200);
    const body = (await response.json()) as { preview: string; logo: { width: number; height: number }; widthDots: number };
    assert.deepEqual({ width: body.logo.width, height: body.logo.height, widthDots: body.widthDots }, { width: LOGO_WIDTH, height: LOGO_HEIGHT, widthDots: 576 });
    const preview = await bitmapOfPng(logoBytes(body.preview)!);
    assert.equal(preview.width, 576);
    assert.equal(countDifferentDots(crop(preview, LOGO_LEFT, 0, LOGO_WIDTH, LOGO_HEIGHT), pattern), 0, 'the preview shows the logo as it will burn');
    assert.equal(await printerVersion(), version);
    assert.equal(await storedLogo(), undefined);
  });

  it('prints the uploaded logo on the next ticket, live, and removing it removes it', async () => {
    const officeName = (await office.api('GET', '/admin/config', { token: admin })).body.config.name as string;
    const plainHeader = await renderHeader({ officeName }, 576);

    const before = await printTicket();
    assert.equal(before.nvDefines, 1, 'the first ticket stores the header in the printer');
    assert.equal(countDifferentDots(crop(before.image, 0, 0, 576, plainHeader.height), plainHeader), 0);
    assert.equal((await printTicket()).nvDefines, 0, 'the next one prints it from there');

    const saved = await upload(`?version=${await printerVersion()}`, patternPng);
    assert.equal(saved.status, 200);
    const withLogo = await printTicket();
    assert.equal(withLogo.nvDefines, 1, 'the changed header is stored in the printer anew');
    assert.equal(countDifferentDots(crop(withLogo.image, LOGO_LEFT, 0, LOGO_WIDTH, LOGO_HEIGHT), pattern), 0, 'the checkerboard is burnt, square for square, centred at the top');
    assert.equal(countDifferentDots(crop(withLogo.image, 0, 0, LOGO_LEFT, LOGO_HEIGHT), blankBitmap(LOGO_LEFT, LOGO_HEIGHT)), 0, 'and nothing beside it');
    assert.equal((await printTicket()).nvDefines, 0);

    const removed = await office.api('DELETE', `/admin/printer/logo?version=${await printerVersion()}`, { token: admin });
    assert.equal(removed.status, 200);
    assert.equal(await storedLogo(), undefined);
    const without = await printTicket();
    assert.equal(without.nvDefines, 1);
    assert.equal(countDifferentDots(crop(without.image, 0, 0, 576, plainHeader.height), plainHeader), 0, 'the header is the plain one again');
    assert.ok(countDifferentDots(crop(without.image, LOGO_LEFT, 0, LOGO_WIDTH, LOGO_HEIGHT), pattern) > (LOGO_WIDTH * LOGO_HEIGHT) / 4, 'no checkerboard left');
  });

  it('keeps the logo when the printer form is saved, and audits it by hash and size', async () => {
    assert.equal((await upload(`?version=${await printerVersion()}`, patternPng)).status, 200);
    const logo = await storedLogo();
    assert.ok(logo);
    const form = await office.api('PUT', '/admin/printer', { token: admin, body: { version: await printerVersion(), widthDots: 576, nvHeader: true, timeoutMs: 2000, headerText: 'دفتر نمونه' } });
    assert.equal(form.status, 200);
    assert.equal(await storedLogo(), logo, 'the printer form does not carry the logo, and does not drop it');

    const { entries } = (await office.api('GET', '/admin/audit?entity=printer&limit=2', { token: admin })).body;
    const [formChange, upload2] = entries as Array<{ before: { logo?: unknown } | null; after: { logo?: unknown; headerText?: string } | null; actorName: string }>;
    assert.equal(formChange!.after!.headerText, 'دفتر نمونه');
    const summary = upload2!.after!.logo as { sha256: string; bytes: number; width: number; height: number };
    assert.match(summary.sha256, /^[0-9a-f]{64}$/);
    assert.equal(summary.bytes, logoBytes(logo)!.length);
    assert.deepEqual([summary.width, summary.height], [LOGO_WIDTH, LOGO_HEIGHT]);
    assert.equal(upload2!.before!.logo, undefined, 'there was no logo before');
    assert.ok(!JSON.stringify(entries).includes('base64'), 'the audit trail never holds the image');
  });

  it('exports the logo in the office file, which loads back; a broken one is refused, naming it', async () => {
    const logo = await storedLogo();
    const exported = await fetch(`${office.server.url}/api/v1/admin/config/export`, { headers: { authorization: `Bearer ${admin}` } });
    const document = parse(await exported.text()) as { printer: { logo: string } };
    assert.equal(document.printer.logo, logo);
    assert.equal(parseOffice(document, 'export').printer?.logo, logo);

    const broken = { ...document, printer: { ...document.printer, logo: 'data:image/png;base64,aGVsbG8=' } };
    assert.throws(() => parseOffice(broken, 'broken.yaml'), (error: OfficeConfigError) => /printer\.logo.*PNG/.test(error.message));
    const problems = persianProblems(officeSchema.safeParse(broken).error!.issues);
    assert.match(problems.map((p) => p.message).join(' '), /نشان بلیت/);
  });

  it('refuses what is not a logo, from whom may not send one, and changes nothing', async () => {
    const version = await printerVersion();
    const logo = await storedLogo();
    const refused = async (response: Response, status: number, code: string) => {
      assert.equal(response.status, status, code);
      const body = (await response.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, code);
      assert.match(body.error.message, /[\u0600-\u06FF]/, 'a Persian message');
    };
    await refused(await upload(`?version=${version}`, 'not an image at all'), 415, 'not_an_image');
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';
    await refused(await upload(`?version=${version}`, svg, { authorization: `Bearer ${admin}`, 'content-type': 'image/svg+xml' }), 415, 'not_an_image');
    await refused(await upload(`?version=${version}`, patternPng.subarray(0, patternPng.length / 2)), 415, 'not_an_image');
    await refused(await upload(`?version=${version}`, Buffer.alloc(0)), 400, 'logo_missing');
    await refused(await upload(`?version=${version}`, Buffer.alloc(600 * 1024)), 413, 'logo_file_too_large');
    await refused(await upload(`?version=${version - 1}`, patternPng), 409, 'version_conflict');
    await refused(await upload(`?version=${version}`, patternPng, { authorization: `Bearer ${await office.login('manager')}` }), 403, 'forbidden');
    await refused(await upload(`?version=${version}`, patternPng, { authorization: `Bearer ${await office.login('staff1', 'desk-1')}` }), 403, 'forbidden');
    await refused(await upload(`?version=${version}`, patternPng, {}), 401, 'unauthenticated');
    // The session cookie alone, as another site's page would make a browser send it.
    await refused(await upload(`?version=${version}`, patternPng, { cookie: `nobat_session=${admin}` }), 403, 'cross_site_request');
    await refused(await upload(`?version=${version}`, patternPng, { cookie: `nobat_session=${admin}`, 'sec-fetch-site': 'cross-site' }), 403, 'cross_site_request');
    // The JSON routes keep their 16 KB limit.
    const bigJson = await office.api('PUT', '/admin/printer', { token: admin, body: { version, headerText: 'x'.repeat(20_000) } });
    assert.equal(bigJson.status, 413);

    assert.equal(await printerVersion(), version);
    assert.equal(await storedLogo(), logo);
  });

  it('scales a photo down to the paper and keeps a small greyscale PNG', async () => {
    const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 40, b: 90 } } }).jpeg().toBuffer();
    const saved = await upload(`?version=${await printerVersion()}`, photo, { authorization: `Bearer ${admin}`, 'content-type': 'image/jpeg' });
    assert.equal(saved.status, 200);
    const png = logoBytes((await storedLogo())!)!;
    const meta = await sharp(png).metadata();
    assert.equal(meta.format, 'png');
    assert.ok(meta.width <= 560, `${meta.width} dots fit the printable width`);
    assert.equal(meta.height, LOGO_MAX_HEIGHT, 'a 4:3 photo is as tall as a logo may be');
    assert.equal(meta.channels, 1, 'greyscale');
  });
});
