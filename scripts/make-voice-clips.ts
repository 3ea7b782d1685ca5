// Makes the default voice clips of the display (display/voice/*.wav): each word of
// display/src/voice/vocabulary.ts spoken by espeak-ng's Persian voice, trimmed of silence, levelled
// and brought down to 11 kHz, plus a two-tone chime synthesised here. Only espeak-ng is needed
// (Debian: apt-get install espeak-ng); the WAV handling is done in this file, so no sox or ffmpeg.
//   node --import tsx scripts/make-voice-clips.ts [--out dir] [--speed 150]
// An office that records its own voice replaces files of the same names (see README: display).
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { WORDS, type WordClip } from '../display/src/voice/vocabulary.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: resolve(import.meta.dirname, '../display/voice') },
    speed: { type: 'string', default: '150' },
  },
});
const outDir = values.out;

interface Pcm {
  rate: number;
  samples: Int16Array;
}

function speak(word: string): Pcm {
  const result = spawnSync('espeak-ng', ['-v', 'fa', '-s', values.speed, '--stdout', word], { maxBuffer: 16 << 20 });
  if (result.error || result.status !== 0) {
    throw new Error(`espeak-ng failed (${result.error?.message ?? result.stderr.toString()}); install it with: apt-get install espeak-ng`);
  }
  return readWav(result.stdout);
}

/** A 16-bit mono PCM WAV. espeak-ng writes its data chunk's size as unknown on stdout, so read to the end. */
function readWav(file: Buffer): Pcm {
  if (file.toString('ascii', 0, 4) !== 'RIFF' || file.toString('ascii', 8, 12) !== 'WAVE') throw new Error('not a WAV file');
  let offset = 12;
  let rate = 0;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    if (id === 'fmt ') {
      const channels = file.readUInt16LE(offset + 10);
      const bits = file.readUInt16LE(offset + 22);
      if (channels !== 1 || bits !== 16) throw new Error(`expected 16-bit mono, got ${bits}-bit ×${channels}`);
      rate = file.readUInt32LE(offset + 12);
    } else if (id === 'data') {
      const end = Math.min(file.length, offset + 8 + size);
      const bytes = file.subarray(offset + 8, end - ((end - offset - 8) % 2));
      return { rate, samples: new Int16Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length)) };
    }
    offset += 8 + size + (size % 2);
  }
  throw new Error('WAV without data');
}

function writeWav(path: string, { rate, samples }: Pcm): number {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + samples.length * 2, 4);
  header.write('WAVEfmt ', 8, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(samples.length * 2, 40);
  const body = Buffer.from(samples.buffer, samples.byteOffset, samples.length * 2);
  writeFileSync(path, Buffer.concat([header, body]));
  return header.length + body.length;
}

/** Cuts the silence espeak-ng leaves around a word (keeping a breath of it) and levels the peak. */
function trimAndLevel({ rate, samples }: Pcm, paddingMs = 25, peak = 0.85): Pcm {
  let max = 1;
  for (const s of samples) max = Math.max(max, Math.abs(s));
  const threshold = max * 0.02;
  let start = samples.findIndex((s) => Math.abs(s) > threshold);
  let end = samples.length - 1;
  while (end > start && Math.abs(samples[end]!) <= threshold) end--;
  const pad = Math.round((rate * paddingMs) / 1000);
  start = Math.max(0, start - pad);
  end = Math.min(samples.length, end + pad);
  const gain = (peak * 32767) / max;
  const fade = Math.round(rate * 0.005);
  const out = new Int16Array(end - start);
  for (let i = 0; i < out.length; i++) {
    const ramp = Math.min(1, i / fade, (out.length - 1 - i) / fade);
    out[i] = Math.round(samples[start + i]! * gain * ramp);
  }
  return { rate, samples: out };
}

/**
 * Halves the sample rate (22050 → 11025 Hz) after a windowed-sinc low-pass at 5 kHz: speech stays
 * clear (a telephone keeps less) and the clip set half the size, since every TV downloads it.
 */
function halveRate({ rate, samples }: Pcm): Pcm {
  const taps = 63;
  const cutoff = 5000 / rate;
  const kernel = Array.from({ length: taps }, (_, i) => {
    const m = i - (taps - 1) / 2;
    const sinc = m === 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * m) / (Math.PI * m);
    const blackman = 0.42 - 0.5 * Math.cos((2 * Math.PI * i) / (taps - 1)) + 0.08 * Math.cos((4 * Math.PI * i) / (taps - 1));
    return sinc * blackman;
  });
  const sum = kernel.reduce((a, b) => a + b, 0);
  const out = new Int16Array(Math.floor(samples.length / 2));
  for (let j = 0; j < out.length; j++) {
    let acc = 0;
    for (let k = 0; k < taps; k++) acc += (kernel[k]! / sum) * (samples[2 * j + k - (taps - 1) / 2] ?? 0);
    out[j] = Math.max(-32768, Math.min(32767, Math.round(acc)));
  }
  return { rate: rate / 2, samples: out };
}

/** A soft two-tone chime (E5 then C5, bell-like partials, exponential decay), as waiting rooms use. */
function chime(rate = 22050): Pcm {
  const notes = [
    { at: 0, hz: 659.25 },
    { at: 0.42, hz: 523.25 },
  ];
  const seconds = 1.3;
  const out = new Int16Array(Math.round(rate * seconds));
  for (let i = 0; i < out.length; i++) {
    const t = i / rate;
    let value = 0;
    for (const { at, hz } of notes) {
      if (t < at) continue;
      const local = t - at;
      const attack = Math.min(1, local / 0.008);
      const envelope = attack * Math.exp(-local * 3.2);
      value += envelope * (Math.sin(2 * Math.PI * hz * local) + 0.35 * Math.sin(2 * Math.PI * hz * 2 * local) + 0.12 * Math.sin(2 * Math.PI * hz * 3 * local));
    }
    const tail = Math.min(1, (out.length - 1 - i) / (rate * 0.05));
    out[i] = Math.round(value * 0.42 * tail * 32767);
  }
  return { rate, samples: out };
}

mkdirSync(outDir, { recursive: true });
let total = writeWav(join(outDir, 'chime.wav'), halveRate(chime()));
for (const [id, word] of Object.entries(WORDS) as Array<[WordClip, string]>) {
  total += writeWav(join(outDir, `${id}.wav`), halveRate(trimAndLevel(speak(word))));
}
console.log(`${Object.keys(WORDS).length + 1} clips, ${(total / 1024).toFixed(0)} KiB, in ${outDir}`);
