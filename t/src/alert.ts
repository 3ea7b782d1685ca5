// Getting a visitor's attention when the ticket is called: a short two-tone beep through Web Audio
// and a vibration, where the phone allows them (audio needs an earlier tap on the page).
let audio: AudioContext | undefined;

/** Must run inside a tap: browsers only let a page make sound after the user touched it. */
export function unlockSound(): void {
  audio ??= new AudioContext();
  void audio.resume();
}

export function alertCalled(): void {
  navigator.vibrate?.([400, 200, 400]);
  if (!audio || audio.state !== 'running') return;
  const start = audio.currentTime;
  [880, 660, 880].forEach((frequency, i) => {
    const oscillator = audio!.createOscillator();
    const gain = audio!.createGain();
    oscillator.frequency.value = frequency;
    gain.gain.setValueAtTime(0.25, start + i * 0.3);
    gain.gain.exponentialRampToValueAtTime(0.001, start + i * 0.3 + 0.25);
    oscillator.connect(gain).connect(audio!.destination);
    oscillator.start(start + i * 0.3);
    oscillator.stop(start + i * 0.3 + 0.26);
  });
}
