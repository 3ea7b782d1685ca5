// The audit trail's words: every recorded field and action under its Persian (or English) name, each
// value as a person reads it, and a key this screen does not know shown as it is, never a crash.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actionText, auditChanges, entityText } from '../../manager/src/admin/audit-text.js';

const service = {
  id: 'request',
  name: 'ثبت درخواست',
  active: true,
  priorityGroups: ['elderly'],
  targetWaitMinutes: 15,
  guidance: { description: 'شرح', documents: ['کارت ملی'], expectedMinutes: 10 },
};

describe('audit trail text', () => {
  it('names fields in Persian and shows hours, yes/no, lists and numbers readably', () => {
    const after = {
      ...service,
      active: false,
      priorityGroups: ['elderly', 'disabled'],
      targetWaitMinutes: 25,
      hours: { alwaysOpen: false, week: { sun: [{ from: '10:00', to: '12:00' }, { from: '13:00', to: '14:00' }], sat: [{ from: '07:30', to: '14:30' }] } },
      guidance: { ...service.guidance, documents: ['کارت ملی', 'شناسنامه'] },
    };
    assert.deepEqual(auditChanges('fa', service, after), [
      { field: 'فعال', before: 'بله', after: 'خیر' },
      { field: 'گروه‌های اولویت', before: 'سالمندان', after: 'سالمندان، توان‌خواهان' },
      { field: 'زمان انتظار هدف (دقیقه)', before: '۱۵', after: '۲۵' },
      { field: 'راهنما › مدارک لازم', before: 'کارت ملی', after: 'کارت ملی، شناسنامه' },
      { field: 'ساعت کاری', before: 'همان ساعت کاری اداره', after: 'شنبه ۰۷:۳۰–۱۴:۳۰؛ یکشنبه ۱۰:۰۰–۱۲:۰۰ و ۱۳:۰۰–۱۴:۰۰' },
    ]);
  });

  it('shows a printer logo as its size, never the hash opened up field by field', () => {
    const printer = { widthDots: 576, headerText: 'اداره' };
    const logo = { sha256: 'ab'.repeat(32), bytes: 1834, width: 120, height: 96 };
    assert.deepEqual(auditChanges('fa', printer, { ...printer, logo }), [{ field: 'نشان (لوگوی) بلیت', before: '—', after: '۱۲۰×۹۶ نقطه، ۱۸۳۴ بایت' }]);
    assert.deepEqual(auditChanges('en', { ...printer, logo }, printer), [{ field: 'Ticket logo', before: '120×96 dots, 1834 bytes', after: '—' }]);
  });

  it('speaks English with Latin digits when the screen is in English', () => {
    const after = { ...service, active: false, hours: { alwaysOpen: false, week: {} } };
    assert.deepEqual(auditChanges('en', service, after), [
      { field: 'Active', before: 'Yes', after: 'No' },
      { field: 'Opening hours', before: "The office's opening hours", after: 'Closed all week' },
    ]);
    assert.equal(actionText('en', 'update'), 'changed');
    assert.equal(entityText('en', 'service'), 'Service');
  });

  it('shows a created entity field by field from nothing, and roles and device kinds by name', () => {
    assert.deepEqual(auditChanges('fa', null, { username: 'ali', role: 'staff', disabled: false }), [
      { field: 'نام کاربری', before: '—', after: 'ali' },
      { field: 'نقش', before: '—', after: 'کارمند باجه' },
      { field: 'غیرفعال', before: '—', after: 'خیر' },
    ]);
    assert.deepEqual(auditChanges('fa', { kind: 'kiosk', name: 'ورودی' }, { kind: 'kiosk', name: 'ورودی', revoked: true }), [{ field: 'باطل‌شده', before: '—', after: 'بله' }]);
  });

  it('shows keys and actions it does not know as they are', () => {
    assert.deepEqual(auditChanges('fa', { shiny: { a: 1 } }, { shiny: { a: 2 }, extra: [1, 2] }), [
      { field: 'shiny › a', before: '۱', after: '۲' },
      { field: 'extra', before: '—', after: '۱، ۲' },
    ]);
    assert.equal(actionText('fa', 'merge'), 'merge');
    assert.equal(entityText('fa', 'keypad'), 'keypad');
    assert.deepEqual(auditChanges('fa', 'odd', 42), []);
  });
});
