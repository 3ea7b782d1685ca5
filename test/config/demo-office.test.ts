// The demo office: a complete, consistent office that shows every feature.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { demoHours, demoOffice, officeHours } from '../../server/config/demo-office.js';
import { parseOffice } from '../../server/config/load.js';
import { openingHoursSchema } from '../../server/config/schema.js';
import { isOpenAt } from '../../server/time/hours.js';

const office = parseOffice(demoOffice, 'demo office');
const tehran = (year: number, month: number, day: number, hour: number, minute: number) =>
  Date.UTC(year, month - 1, day, hour, minute) - 3.5 * 3_600_000;

describe('demo office', () => {
  test('has six services with prefixes 1 to 6, named as in the sample traces', () => {
    assert.deepEqual(office.services.map((service) => service.prefix), ['1', '2', '3', '4', '5', '6']);
    const names = office.services.map((service) => service.name);
    for (const traceName of ['صدور گواهی', 'پرداخت عوارض', 'ثبت درخواست', 'پاسخ به شکایات', 'تحویل مدارک']) assert.ok(names.includes(traceName), traceName);
  });

  test('every service has full guidance in Persian and English', () => {
    for (const { id, guidance } of office.services) {
      assert.ok(guidance.descriptionEn, `${id} descriptionEn`);
      assert.ok(guidance.documents.length > 0 && guidance.documentsEn?.length === guidance.documents.length, `${id} documents`);
      assert.ok(guidance.steps.length > 0 && guidance.stepsEn?.length === guidance.steps.length, `${id} steps`);
      assert.ok(guidance.legalBasis && guidance.legalBasisEn, `${id} legal basis`);
      assert.ok(guidance.fees && guidance.feesEn, `${id} fees`);
    }
  });

  test('exactly one service takes no priority groups', () => {
    const withoutPriority = office.services.filter((service) => service.priorityGroups.length === 0);
    assert.deepEqual(withoutPriority.map((service) => service.id), ['contractor']);
  });

  test('four desks numbered 1 to 4; one serves everything and every service has a desk', () => {
    assert.deepEqual(office.desks.map((desk) => [desk.number, desk.name]), [[1, 'باجه ۱'], [2, 'باجه ۲'], [3, 'باجه ۳'], [4, 'باجه ۴']]);
    const serviceIds = office.services.map((service) => service.id);
    assert.ok(office.desks.some((desk) => serviceIds.every((id) => desk.services.includes(id))));
    for (const id of serviceIds) assert.ok(office.desks.filter((desk) => desk.services.includes(id)).length >= 2, `${id} has a second desk`);
    assert.equal(new Set(office.desks.map((desk) => desk.services.join())).size, office.desks.length, 'workprofiles differ');
  });

  test('has a charter, announcements and no users', () => {
    assert.ok((office.charter ?? '').split('\n\n').length >= 3);
    assert.ok(office.announcements.length >= 3 && office.announcements.length <= 4);
    assert.deepEqual(office.users, []);
  });

  test('is always open in the demo, and posts Saturday–Wednesday 07:30–14:30, Thursday 07:30–12:00', () => {
    assert.equal(office.hours.alwaysOpen, true);
    assert.deepEqual(office.hours.week, openingHoursSchema.parse(demoHours).week);
    const posted = openingHoursSchema.parse(officeHours);
    const friday = tehran(2026, 11, 27, 10, 0);
    assert.equal(isOpenAt(office.hours, friday, office.timeZone), true);
    assert.equal(isOpenAt(posted, friday, office.timeZone), false);
    assert.equal(isOpenAt(posted, tehran(2026, 11, 25, 14, 0), office.timeZone), true);
    assert.equal(isOpenAt(posted, tehran(2026, 11, 26, 12, 30), office.timeZone), false);
  });
});
