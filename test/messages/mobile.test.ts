// Mobile numbers as visitors type them, and the texts and retry delays of messages.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskMobile, normaliseMobile } from '../../server/messages/mobile.js';
import { messageText } from '../../server/messages/texts.js';
import { DEFAULT_DISPATCH_RULES, retryDelayMs } from '../../server/messages/dispatcher.js';

describe('mobile numbers', () => {
  it('take every way an Iranian mobile number is written, in any digits, as 09xxxxxxxxx', () => {
    for (const typed of ['09123456789', '۰۹۱۲۳۴۵۶۷۸۹', '٠٩١٢٣٤٥٦٧٨٩', '+98 912 345 6789', '0098-912-345-6789', '989123456789', '9123456789', '0912.345.6789', ' ۰۹۱۲ ۳۴۵ ۶۷۸۹ ']) {
      assert.equal(normaliseMobile(typed), '09123456789', typed);
    }
  });

  it('refuse landlines, short or long numbers and anything else', () => {
    for (const typed of ['02112345678', '0912345678', '091234567890', '+1 912 345 6789', 'abc', '', '08123456789', '0912345678a']) {
      assert.equal(normaliseMobile(typed), null, typed);
    }
  });

  it('show only the first and last four digits in a log', () => {
    assert.equal(maskMobile('09123456789'), '0912•••6789');
    assert.doesNotMatch(maskMobile('09123456789'), /345/);
  });
});

describe('message texts', () => {
  it('fill the Persian default with the office, the number and the count in Persian digits', () => {
    const text = messageText('turnNear', { office: 'ادارهٔ نمونه', number: 'A1042', ahead: 3 }, { templates: {} });
    assert.equal(text, 'ادارهٔ نمونه: نوبت A۱۰۴۲ نزدیک است؛ ۳ نفر پیش از شما هستند. لطفاً به سالن انتظار بیایید.');
  });

  it("use the admin's template when there is one", () => {
    assert.equal(messageText('called', { office: 'X', number: '12', desk: 4 }, { templates: { called: '{number} → {desk}' } }), '۱۲ → ۴');
  });
});

describe('retries', () => {
  it('double the delay after each failure up to the bound', () => {
    const rules = { ...DEFAULT_DISPATCH_RULES, firstRetryMs: 1000, maxRetryMs: 5000 };
    assert.deepEqual([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, rules)), [1000, 2000, 4000, 5000, 5000]);
  });
});
