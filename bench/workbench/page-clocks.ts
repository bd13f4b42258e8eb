// What the workbench benches observe inside a page, on one clock for all pages of the browser
// (performance.timeOrigin + performance.now(), ms): clicks, INVITEs arriving on the page's WebSockets, and
// the first sound the page plays (pages set up with test/support/journeys.ts withTone).
import type { Page } from 'playwright-core';
import { poll } from './lab';

interface Clocks {
  clicks: number[];
  invites: number[];
}
declare const benchClocks: Clocks;

/** Before the page loads: notes every click (capturing, so before any handler) and every INVITE received. */
// A string, not a function: tsx would name the class with a helper the page does not have.
const CLOCKS_SCRIPT = `(() => {
  const clocks = { clicks: [], invites: [] };
  const now = () => performance.timeOrigin + performance.now();
  window.benchClocks = clocks;
  window.addEventListener('click', () => clocks.clicks.push(now()), true);
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      this.addEventListener('message', (event) => {
        if (typeof event.data === 'string' && event.data.startsWith('INVITE ')) clocks.invites.push(now());
      });
    }
  };
})();`;

/** Before the page loads: notes every click (capturing, so before any handler) and every INVITE received. */
export async function installClocks(page: Page): Promise<void> {
  await page.addInitScript(CLOCKS_SCRIPT);
}

export const clicks = (page: Page) => page.evaluate(() => benchClocks.clicks.length);
export const lastClick = (page: Page) => page.evaluate(() => benchClocks.clicks.at(-1) ?? Number.NaN);
export const invitesSeen = (page: Page) => page.evaluate(() => benchClocks.invites.length);

/** The arrival time of the INVITE after the first `seen` ones, once it arrives (bounded). */
export function inviteAfter(page: Page, seen: number, ms = 10_000): Promise<number> {
  return poll('an INVITE at the peer', () => page.evaluate((n) => benchClocks.invites[n], seen), ms, 5);
}

/**
 * Starts watching what the page plays; resolves (in the page) with the time of the first 5 ms window whose
 * RMS exceeds `threshold` on a stream given to the page's ear after this call when `newStreamOnly` (an
 * agent's ringtone plays before the answer), or on any stream. Read it with `firstSound`.
 */
export async function watchFirstSound(page: Page, newStreamOnly: boolean, threshold = 0.01): Promise<void> {
  await page.evaluate(`(${SOUND_WATCH})(${JSON.stringify(newStreamOnly)}, ${threshold})`);
}

// A string for the same reason as CLOCKS_SCRIPT.
const SOUND_WATCH = `(newOnly, min) => {
  const context = new AudioContext();
  const skipped = newOnly ? window.heardStream() : undefined;
  const buffer = new Float32Array(256);
  let source;
  let analyser;
  window.benchSound = undefined;
  const end = performance.now() + 15000;
  const tick = () => {
    const stream = window.heardStream();
    if (stream && stream !== skipped && stream !== source) {
      source = stream;
      analyser = context.createAnalyser();
      analyser.fftSize = buffer.length;
      context.createMediaStreamSource(stream).connect(analyser);
    }
    if (analyser) {
      analyser.getFloatTimeDomainData(buffer);
      const rms = Math.sqrt(buffer.reduce((sum, x) => sum + x * x, 0) / buffer.length);
      if (rms > min) {
        window.benchSound = performance.timeOrigin + performance.now();
        void context.close();
        return;
      }
    }
    if (performance.now() < end) setTimeout(tick, 2);
    else void context.close();
  };
  void context.resume().then(tick);
}`;

export function firstSound(page: Page, ms = 10_000): Promise<number> {
  return poll(
    'the first sound heard',
    () => page.evaluate(() => (window as unknown as { benchSound?: number }).benchSound),
    ms,
    5,
  );
}
