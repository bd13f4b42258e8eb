import { LightningElement, api } from 'lwc';

const TICK_MS = 1000;

function pad(value) {
  return String(value).padStart(2, '0');
}

/** m:ss, or h:mm:ss from an hour on. */
export function formatDuration(milliseconds) {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  return hours > 0 ? `${hours}:${pad(minutes)}:${pad(seconds)}` : `${minutes}:${pad(seconds)}`;
}

/** A clock counting up from `since` (talk time) or down to `until` (work timer), both epoch milliseconds. */
export default class SoftphoneCallTimer extends LightningElement {
  @api since;
  @api until;
  /** What the time measures, for screen readers. */
  @api label;
  now = Date.now();
  interval;

  connectedCallback() {
    this.now = Date.now();
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- the clock ticks every second while shown
    this.interval = setInterval(() => {
      this.now = Date.now();
    }, TICK_MS);
  }

  disconnectedCallback() {
    clearInterval(this.interval);
  }

  get text() {
    if (typeof this.until === 'number') return formatDuration(this.until - this.now);
    if (typeof this.since === 'number') return formatDuration(this.now - this.since);
    return '';
  }
}
