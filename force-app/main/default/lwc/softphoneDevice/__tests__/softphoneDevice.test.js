import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneDevice = require('c/softphoneDevice').default;

describe('c-softphone-device', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(props = {}) {
    const element = createElement('c-softphone-device', { is: SoftphoneDevice });
    Object.assign(element, props);
    document.body.appendChild(element);
    const saved = jest.fn();
    element.addEventListener('devicesave', (event) => saved(event.detail));
    return { element, saved };
  }

  const byId = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

  async function accessibilityViolations(element) {
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    return violations.map((v) => `${v.id}: ${v.help}`);
  }

  it('asks for the agent’s phone when none is set', async () => {
    const { element } = createComponent();

    expect(byId(element, 'device-number').label).toBe('Your phone');
    expect(byId(element, 'device-missing').textContent).toBe('Set your phone number to make calls.');
    expect(await accessibilityViolations(element)).toEqual([]);
  });

  it('saves what the agent typed, trimmed', async () => {
    const { element, saved } = createComponent({ number: '2001' });
    expect(byId(element, 'device-number').value).toBe('2001');
    expect(byId(element, 'device-missing')).toBeNull();

    const input = byId(element, 'device-number');
    input.value = ' 2002 ';
    input.dispatchEvent(new CustomEvent('change', { detail: { value: ' 2002 ' } }));
    byId(element, 'device').dispatchEvent(new CustomEvent('submit', { cancelable: true }));

    expect(saved).toHaveBeenCalledWith({ number: '2002' });
  });

  it('shows why a number was refused as an alert, and disables Save while saving', async () => {
    const { element } = createComponent({
      number: '2001',
      error: 'A phone number has only digits.',
      saving: true,
    });

    expect(byId(element, 'device-error').textContent).toBe('A phone number has only digits.');
    expect(byId(element, 'device-error').getAttribute('role')).toBe('alert');
    expect(byId(element, 'device-save').disabled).toBe(true);
    expect(await accessibilityViolations(element)).toEqual([]);
  });
});
