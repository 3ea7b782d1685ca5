// Plays the voice clips with Web Audio: each file is fetched and decoded once and kept (42 short
// buffers, about 2 MB decoded), so weeks of calls allocate nothing that lasts.
import type { ClipPlayer } from './scheduler.js';
import { clipUrl, type ClipId } from './vocabulary.js';

export class WebAudioPlayer implements ClipPlayer {
  private readonly context = new AudioContext();
  private readonly buffers = new Map<ClipId, Promise<AudioBuffer>>();

  /** Starts fetching and decoding clips ahead of the first call. */
  preload(clips: readonly ClipId[]): void {
    for (const clip of clips) void this.buffer(clip).catch(() => undefined);
  }

  /** Forgets every clip: an admin chose another clip set, fetched from the next call on. */
  forget(): void {
    this.buffers.clear();
  }

  async play(clip: ClipId, volume: number): Promise<void> {
    const buffer = await this.buffer(clip);
    // A TV browser started without a user gesture needs --autoplay-policy=no-user-gesture-required.
    if (this.context.state === 'suspended') await this.context.resume();
    const source = this.context.createBufferSource();
    const gain = this.context.createGain();
    source.buffer = buffer;
    gain.gain.value = volume;
    source.connect(gain).connect(this.context.destination);
    await new Promise<void>((resolve) => {
      source.onended = () => resolve();
      source.start();
    });
    source.disconnect();
    gain.disconnect();
  }

  private buffer(clip: ClipId): Promise<AudioBuffer> {
    let buffer = this.buffers.get(clip);
    if (!buffer) {
      buffer = fetch(clipUrl(clip))
        .then((response) => {
          if (!response.ok) throw new Error(`${clipUrl(clip)}: ${response.status}`);
          return response.arrayBuffer();
        })
        .then((bytes) => this.context.decodeAudioData(bytes));
      // A failed fetch (server restarting) is tried again at the next call, not remembered.
      buffer.catch(() => this.buffers.delete(clip));
      this.buffers.set(clip, buffer);
    }
    return buffer;
  }
}
