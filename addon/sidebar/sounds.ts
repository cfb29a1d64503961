/**
 * Short tones for the scan station, made with WebAudio (no audio files to inline). A packer hears the
 * result without looking: a click when the scan is taken, a rising pair when it passed, a long low buzz
 * when it was refused.
 */
export type Tone = 'ack' | 'ok' | 'refused' | 'error';

interface Note {
  frequency: number;
  seconds: number;
  wave: OscillatorType;
}

const TONES: Record<Tone, Note[]> = {
  ack: [{ frequency: 2000, seconds: 0.04, wave: 'square' }],
  ok: [
    { frequency: 880, seconds: 0.08, wave: 'sine' },
    { frequency: 1320, seconds: 0.12, wave: 'sine' },
  ],
  refused: [
    { frequency: 200, seconds: 0.25, wave: 'sawtooth' },
    { frequency: 160, seconds: 0.35, wave: 'sawtooth' },
  ],
  error: [
    { frequency: 440, seconds: 0.15, wave: 'triangle' },
    { frequency: 330, seconds: 0.2, wave: 'triangle' },
  ],
};

let context: AudioContext | null = null;

/** Browsers start audio only after a user gesture; a scanner's keystrokes count as one. */
export function unlockAudio(): void {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
  } catch {
    context = null;
  }
}

export function playTone(tone: Tone): void {
  unlockAudio();
  if (!context) return;
  let start = context.currentTime;
  for (const note of TONES[tone]) {
    const oscillator = context.createOscillator();
    const gain = context.createGain();
    oscillator.type = note.wave;
    oscillator.frequency.value = note.frequency;
    // A short ramp in and out: a hard edge clicks.
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.2, start + 0.01);
    gain.gain.setValueAtTime(0.2, start + note.seconds - 0.01);
    gain.gain.linearRampToValueAtTime(0, start + note.seconds);
    oscillator.connect(gain).connect(context.destination);
    oscillator.start(start);
    oscillator.stop(start + note.seconds);
    start += note.seconds + 0.03;
  }
}
