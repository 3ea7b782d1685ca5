// zonedParts keeps the last minute it read per zone; across DST changes, historic offsets with
// seconds and back-and-forth reads it must answer exactly what Intl answers for every instant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { zonedParts } from '../../server/time/zoned.js';

function reference(ms: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(ms);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { year: n('year'), month: n('month'), day: n('day'), hour: n('hour'), minute: n('minute'), second: n('second') };
}

const ZONES = ['Asia/Tehran', 'Europe/London', 'America/New_York', 'Africa/Monrovia', 'Asia/Kolkata'];
// Around the moments that matter: Tehran's last DST end (2022-09-21), a London change, Monrovia's
// offset of −0:44:30 until 1972-01-07, and today.
const ANCHORS = [Date.UTC(2022, 8, 21, 19, 30), Date.UTC(2024, 2, 31, 1, 0), Date.UTC(1972, 0, 7, 0, 44, 30), Date.UTC(2026, 10, 22, 6, 0)];

test('zonedParts with its minute cache agrees with Intl at every instant', () => {
  fc.assert(
    fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...ANCHORS), fc.array(fc.integer({ min: -7_200_000, max: 7_200_000 }), { minLength: 1, maxLength: 30 }), (zone, anchor, offsets) => {
      for (const offset of offsets) {
        const ms = anchor + offset;
        const { weekday: _weekday, ...got } = zonedParts(ms, zone);
        assert.deepEqual(got, reference(ms, zone), `${zone} at ${new Date(ms).toISOString()}`);
        // The same minute again, a few seconds on, from the cache.
        const { weekday: _again, ...later } = zonedParts(ms + 1500, zone);
        assert.deepEqual(later, reference(ms + 1500, zone));
      }
    }),
    { numRuns: 300 },
  );
});
