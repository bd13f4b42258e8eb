import { createElement } from 'lwc';
import SoftphoneDialpad from 'c/softphoneDialpad';
import axe from 'axe-core';

describe('c-softphone-dialpad', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent() {
    const element = createElement('c-softphone-dialpad', { is: SoftphoneDialpad });
    element.label = 'Keypad';
    document.body.appendChild(element);
    const digits = jest.fn();
    element.addEventListener('digit', (event) => digits(event.detail.digit));
    return { element, digits };
  }

  const keys = (element) => [...element.shadowRoot.querySelectorAll('[data-id="digit"]')];

  it('shows the twelve phone keys in a named group', () => {
    const { element } = createComponent();

    expect(keys(element).map((key) => key.label)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '*',
      '0',
      '#',
    ]);
    expect(keys(element)[1].title).toBe('ABC');
    const group = element.shadowRoot.querySelector('[data-id="dialpad"]');
    expect(group.getAttribute('role')).toBe('group');
    expect(group.getAttribute('aria-label')).toBe('Keypad');
  });

  it('raises the digit of a clicked key', () => {
    const { element, digits } = createComponent();

    keys(element)[9].click();
    keys(element)[10].click();

    expect(digits.mock.calls).toEqual([['*'], ['0']]);
  });

  it('takes digits typed on the keyboard and ignores other keys', () => {
    const { element, digits } = createComponent();
    const group = element.shadowRoot.querySelector('[data-id="dialpad"]');

    for (const key of ['5', '#', 'a', 'Enter']) {
      group.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    }
    group.dispatchEvent(new KeyboardEvent('keydown', { key: '1', ctrlKey: true, bubbles: true }));

    expect(digits.mock.calls).toEqual([['5'], ['#']]);
  });

  it('is accessible', async () => {
    const { element } = createComponent();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
