import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A generous wait for something the page shows after a round trip; never a fixed sleep. */
export function eventually<T>(read: () => Promise<T> | T) {
  return expect.poll(read, { timeout: 15_000, interval: 50 });
}

export function textOf(page: Page, selector: string): Promise<string> {
  return page.locator(selector).innerText();
}

/**
 * One round trip to the page. Calls the page made before it have reached the backend by the time it
 * returns (the protocol keeps order), so a test can then check that a call did not happen.
 */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => 0);
}

/** Waits until the sidebar has shown its first state. */
export async function sidebarReady(page: Page): Promise<void> {
  await page.locator('#counts .tile').first().waitFor();
}

/** An init script: notes the frequency of every tone the page starts, so a test can hear the scan station. */
export function recordTones(): void {
  const tones: number[] = [];
  (window as unknown as { __tones: number[] }).__tones = tones;
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function createRecordedOscillator(this: AudioContext) {
    const oscillator = create.call(this);
    const start = oscillator.start.bind(oscillator);
    oscillator.start = (when?: number) => {
      tones.push(oscillator.frequency.value);
      start(when);
    };
    return oscillator;
  };
}

export function tonesHeard(page: Page): Promise<number[]> {
  return page.evaluate(() => [...(window as unknown as { __tones: number[] }).__tones]);
}

export const TONE = { ack: 2000, ok: 880, refused: 200, error: 440 } as const;
