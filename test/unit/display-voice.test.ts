// The display's spoken calls: which clips say a call, that every clip exists, and that the queue
// plays one call at a time, clip after clip, skipping what fails or hangs.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { numberToPersianWords } from '../../server/time/persian.js';
import { callClips, numberClips, ticketNumberClips } from '../../display/src/voice/call-clips.js';
import { AnnouncementQueue, type AnnouncementRecord, type ClipPlayer } from '../../display/src/voice/scheduler.js';
import { CLIP_IDS, WORDS, type ClipId } from '../../display/src/voice/vocabulary.js';

const VOICE_DIR = resolve(import.meta.dirname, '../../display/voice');

describe('call clips', () => {
  test('2045 at desk 3 says chime, «شماره دو هزار و چهل و پنج، باجه سه»', () => {
    assert.deepEqual(callClips('2045', 3), ['chime', 'shomare', 'do', 'hezar', 'va', 'chehel', 'va', 'panj', 'baje', 'se']);
  });

  test('numbers as people say them', () => {
    assert.deepEqual(numberClips(1000), ['hezar']);
    assert.deepEqual(numberClips(1007), ['hezar', 'va', 'haft']);
    assert.deepEqual(numberClips(215), ['devist', 'va', 'panzdah']);
    assert.deepEqual(numberClips(9999), ['noh', 'hezar', 'va', 'nohsad', 'va', 'navad', 'va', 'noh']);
    assert.deepEqual(numberClips(11000), ['yazdah', 'hezar']);
  });

  test('every number from 1 to 9999 has clips, and they spell numberToPersianWords word for word', () => {
    for (let n = 1; n <= 9999; n++) {
      const words = numberClips(n).map((clip) => WORDS[clip]);
      assert.equal(words.join(' '), numberToPersianWords(n));
    }
  });

  test('leading zeros are said, over-long numbers go digit by digit, prefix letters are skipped', () => {
    assert.deepEqual(ticketNumberClips('0045'), ['sefr', 'sefr', 'chehel', 'va', 'panj']);
    assert.deepEqual(ticketNumberClips('000'), ['sefr', 'sefr', 'sefr']);
    assert.deepEqual(ticketNumberClips('1234567'), ['yek', 'do', 'se', 'chahar', 'panj', 'shesh', 'haft']);
    assert.deepEqual(ticketNumberClips('A045'), ['chehel', 'va', 'panj']);
    assert.deepEqual(ticketNumberClips('B000'), ['sefr']);
  });

  test('any printed number of one to seven digits gives only clips that exist', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{0,3}[0-9]{1,7}$/), fc.integer({ min: 1, max: 9999 }), (number, desk) => {
        for (const clip of callClips(number, desk)) assert.ok(CLIP_IDS.includes(clip), clip);
      }),
    );
  });

  test('the shipped clip set has every clip, as small WAV files, well under 2 MB in all', () => {
    let total = 0;
    for (const clip of CLIP_IDS) {
      const path = resolve(VOICE_DIR, `${clip}.wav`);
      assert.ok(existsSync(path), `${clip}.wav is missing`);
      const bytes = readFileSync(path);
      assert.equal(bytes.toString('ascii', 0, 4), 'RIFF');
      total += bytes.length;
    }
    assert.ok(total < 1024 * 1024, `clip set is ${total} bytes`);
  });
});

/** A fake player on a virtual clock: each clip takes 100 ms; it records what played when. */
function fakeAudio(options: { fail?: ClipId[]; hang?: ClipId[] } = {}) {
  let now = 0;
  let playing = 0;
  const timeline: Array<{ clip: ClipId; from: number; to: number }> = [];
  const timers: Array<{ at: number; resolve: () => void }> = [];
  const wait = (ms: number) => new Promise<void>((resolve) => timers.push({ at: now + ms, resolve }));
  const player: ClipPlayer = {
    async play(clip) {
      if (options.fail?.includes(clip)) throw new Error('no such clip');
      if (options.hang?.includes(clip)) return new Promise<void>(() => undefined);
      playing++;
      assert.equal(playing, 1, 'two clips at once');
      const from = now;
      await wait(100);
      playing--;
      timeline.push({ clip, from, to: now });
    },
  };
  /** Runs the virtual clock until nothing is pending. */
  const run = async () => {
    for (;;) {
      await new Promise((resolve) => setImmediate(resolve));
      timers.sort((a, b) => a.at - b.at);
      const next = timers.shift();
      if (!next) return;
      now = Math.max(now, next.at);
      next.resolve();
    }
  };
  return { player, wait, now: () => now, run, timeline };
}

function queueWith(audio: ReturnType<typeof fakeAudio>, muted = false) {
  const records: AnnouncementRecord[] = [];
  const queue = new AnnouncementQueue(audio.player, { now: audio.now, wait: audio.wait, muted, volume: 1, gapMs: 500, clipTimeoutMs: 1000, onEnd: (r) => records.push(r) });
  const call = (key: number, number: string, desk: number, at = audio.now()) =>
    queue.enqueue({ key, number, deskNumber: desk, recall: false, clips: callClips(number, desk), queuedAt: at });
  return { queue, records, call };
}

describe('announcement queue', () => {
  test('two calls in quick succession play one after the other, in order, clip by clip', async () => {
    const audio = fakeAudio();
    const { records, call } = queueWith(audio);
    call(1, '2045', 3);
    call(2, '1001', 1);
    await audio.run();
    assert.deepEqual(records.map((r) => r.number), ['2045', '1001']);
    assert.deepEqual(audio.timeline.map((p) => p.clip), [...callClips('2045', 3), ...callClips('1001', 1)]);
    for (let i = 1; i < audio.timeline.length; i++) assert.ok(audio.timeline[i]!.from >= audio.timeline[i - 1]!.to, 'no overlap');
    assert.ok(records[1]!.startedAt >= records[0]!.endedAt + 500, 'a pause between calls');
    assert.deepEqual(records[0]!.played, records[0]!.clips);
  });

  test('the same call is said once; a recall (a new event) is said again', async () => {
    const audio = fakeAudio();
    const { records, call } = queueWith(audio);
    assert.equal(call(7, '3010', 2), true);
    assert.equal(call(7, '3010', 2), false);
    call(8, '3010', 2);
    await audio.run();
    assert.deepEqual(records.map((r) => r.key), [7, 8]);
  });

  test('a missing clip is skipped and a hung one given up on; the rest is said', async () => {
    const audio = fakeAudio({ fail: ['hezar'], hang: ['baje'] });
    const { records, call } = queueWith(audio);
    call(1, '2045', 3);
    call(2, '12', 4);
    await audio.run();
    assert.deepEqual(records[0]!.played, ['chime', 'shomare', 'do', 'va', 'chehel', 'va', 'panj', 'se']);
    assert.deepEqual(records[1]!.played, ['chime', 'shomare', 'davazdah', 'chahar']);
  });

  test('a call whose turn comes too late is not said; muted calls are logged without sound', async () => {
    const audio = fakeAudio();
    const { records, call } = queueWith(audio);
    call(1, '1001', 1, -120_000);
    await audio.run();
    assert.equal(records[0]!.dropped, true);
    assert.equal(audio.timeline.length, 0);

    const quiet = fakeAudio();
    const muted = queueWith(quiet, true);
    muted.call(1, '1001', 1);
    await quiet.run();
    assert.deepEqual([muted.records[0]!.muted, muted.records[0]!.played.length, quiet.timeline.length], [true, 0, 0]);
  });
});
