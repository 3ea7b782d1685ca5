// The follow-up slip: the office's header, what it is for, a meeting's number when there is one, the
// code large and its page as a QR code a phone reads from arm's length, in the visitor's language;
// nothing else, and so nothing the visitor wrote. Checked on the layout and in the ESC/POS bytes decoded back.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getDot, type Bitmap } from '../../drivers/printer/bitmap.js';
import { layoutFollowUpSlip } from '../../drivers/printer/follow-up-layout.js';
import { QR_MIN_SIDE_DOTS } from '../../drivers/printer/layout.js';
import { renderQrCode } from '../../drivers/printer/qr-render.js';
import { renderTicket } from '../../drivers/printer/render.js';
import { encodeTicket, TICKET_BYTE_BUDGET } from '../../drivers/printer/ticket-bytes.js';
import type { FollowUpSlipJob } from '../../drivers/printer/types.js';
import { decodeEscPos } from './escpos-decode.js';

const job: FollowUpSlipJob = {
  kind: 'follow-up',
  slipId: 'fb-01J8ZK3Q7M5V2XG9',
  officeName: 'دفتر پیشخوان خدمات دولت ۱۲۳۴ تهران',
  title: 'ثبت شکایت، انتقاد یا پیشنهاد',
  code: '123-456-7890',
  issuedAt: Date.UTC(2025, 2, 25, 9, 7),
  timeZone: 'Asia/Tehran',
  followLine: 'برای دیدن وضعیت و پاسخ، این کد را با دوربین تلفن همراه بخوانید.',
  followUrl: 'http://192.168.1.10:8080/feedback/1234567890',
};

const texts = (slip: FollowUpSlipJob) => layoutFollowUpSlip(slip, 576).body.flatMap((block) => (block.kind === 'text' ? [block.text] : []));

test('a feedback slip says what it is for and gives the code in Persian digits, and nothing more', () => {
  assert.deepEqual(texts(job), ['ثبت شکایت، انتقاد یا پیشنهاد', 'کد پیگیری', '۱۲۳-۴۵۶-۷۸۹۰', 'سه‌شنبه ۵ فروردین ۱۴۰۴  ساعت ۱۲:۳۷', job.followLine]);
  const qrs = layoutFollowUpSlip(job, 576).body.filter((block) => block.kind === 'qr');
  assert.deepEqual(qrs, [{ kind: 'qr', url: job.followUrl, minSideDots: QR_MIN_SIDE_DOTS }]);
});

test('a meeting slip carries the number in the meeting’s line too; an English one Latin digits and English words', () => {
  const meeting = texts({ ...job, title: 'ملاقات با مدیر', number: 'M07' });
  assert.ok(meeting.includes('شمارهٔ نوبت ملاقات') && meeting.includes('M۰۷'), meeting.join(' | '));
  const english = texts({ ...job, language: 'en', title: 'Meeting the manager', number: 'M07', followLine: 'Scan this code with your phone to see the status and the answer.' });
  assert.ok(english.includes('M07') && english.includes('123-456-7890') && english.includes('Follow-up code'), english.join(' | '));
  assert.ok(!english.some((line) => /\p{Script=Arabic}/u.test(line)), english.join(' | '));
});

test('the printed slip holds the QR code of its follow-up page, at least 25 mm wide, within the ticket byte budget', async () => {
  for (const width of [576, 384] as const) {
    const bytes = encodeTicket(await renderTicket(job, width), 'raster');
    assert.ok(bytes.length <= TICKET_BYTE_BUDGET, `${bytes.length} bytes at ${width} dots`);
    const decoded = decodeEscPos(bytes, width);
    assert.equal(decoded.cuts, 1);
    const qr = renderQrCode(job.followUrl, QR_MIN_SIDE_DOTS);
    assert.ok(contains(decoded.image, qr, Math.floor((width - qr.width) / 2)), `${width} dots: the QR code of ${job.followUrl}`);
    const other = renderQrCode('http://192.168.1.10:8080/feedback/1234567891', QR_MIN_SIDE_DOTS);
    assert.ok(!contains(decoded.image, other, Math.floor((width - other.width) / 2)), 'and not that of another code');
  }
});

/** Whether `part` is drawn in `image` with its left edge at `left`, at some row. */
function contains(image: Bitmap, part: Bitmap, left: number): boolean {
  for (let y = 0; y + part.height <= image.height; y++) {
    let all = true;
    for (let py = 0; py < part.height && all; py++) {
      for (let x = 0; x < part.width && all; x++) all = getDot(image, left + x, y + py) === getDot(part, x, py);
    }
    if (all) return true;
  }
  return false;
}
