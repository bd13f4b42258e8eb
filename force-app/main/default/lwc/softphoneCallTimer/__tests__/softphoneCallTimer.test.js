import { createElement } from 'lwc';
import SoftphoneCallTimer from 'c/softphoneCallTimer';
import { formatDuration } from 'c/softphoneCallTimer';
import axe from 'axe-core';

describe('c-softphone-call-timer', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:10:00.000Z') });
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.useRealTimers();
    jest.clearAllMocks();
  });

  function createComponent(props) {
    const element = createElement('c-softphone-call-timer', { is: SoftphoneCallTimer });
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
  }

  const time = (element) => element.shadowRoot.querySelector('[data-id="time"]');

  it('counts the talk time up every second', async () => {
    const element = createComponent({ since: Date.now() - 65000, label: 'Call duration' });
    expect(time(element).textContent).toBe('1:05');

    jest.advanceTimersByTime(1000);
    await Promise.resolve();

    expect(time(element).textContent).toBe('1:06');
    expect(time(element).getAttribute('role')).toBe('timer');
    expect(time(element).getAttribute('aria-label')).toBe('Call duration');
  });

  it('counts the work time down and stops at zero', async () => {
    const element = createComponent({ until: Date.now() + 1500 });
    expect(time(element).textContent).toBe('0:01');

    jest.advanceTimersByTime(3000);
    await Promise.resolve();

    expect(time(element).textContent).toBe('0:00');
  });

  it('stops ticking once removed', () => {
    const element = createComponent({ since: Date.now() });
    document.body.removeChild(element);

    expect(jest.getTimerCount()).toBe(0);
  });

  it('writes hours when a call is that long', () => {
    expect(formatDuration(3723000)).toBe('1:02:03');
    expect(formatDuration(-5)).toBe('0:00');
  });

  it('is accessible', async () => {
    const element = createComponent({ since: Date.now(), label: 'Call duration' });
    jest.useRealTimers();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
