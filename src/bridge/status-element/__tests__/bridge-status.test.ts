/** @jest-environment jsdom */
// <softphone-bridge-status>: one status region whose text follows the bridge's state.
import { BRIDGE_STATUS_TAG, BridgeStatusElement, defineBridgeStatus } from '../bridge-status';

async function mount(setup: (element: BridgeStatusElement) => void = () => undefined) {
  const element = document.createElement(BRIDGE_STATUS_TAG);
  setup(element);
  document.body.append(element);
  await element.updateComplete;
  const region = element.shadowRoot?.querySelector('[role="status"]');
  if (!region) throw new Error('no status region rendered');
  return { element, region };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('softphone-bridge-status', () => {
  test('is registered once as softphone-bridge-status', () => {
    expect(BRIDGE_STATUS_TAG).toBe('softphone-bridge-status');
    expect(customElements.get('softphone-bridge-status')).toBe(BridgeStatusElement);
    expect(() => defineBridgeStatus()).not.toThrow();
  });

  test('starts as connecting, in a single status region', async () => {
    const { element, region } = await mount();
    expect(element.shadowRoot?.querySelectorAll('[role="status"]')).toHaveLength(1);
    expect(region.getAttribute('data-view')).toBe('connecting');
    expect(region.textContent?.trim()).toBe('Connecting to Salesforce…');
    expect(element.getAttribute('state')).toBe('connecting');
  });

  test.each([
    ['ready', false, 'ready', 'Phone bridge ready'],
    ['ready', true, 'click-to-dial', 'Phone bridge ready, click-to-dial enabled'],
    ['error', false, 'error', 'Phone bridge not connected'],
    ['connecting', true, 'connecting', 'Connecting to Salesforce…'],
  ] as const)('state %s with click-to-dial %s shows %s', async (state, clickToDial, view, label) => {
    const { element, region } = await mount((e) => {
      e.state = state;
      e.clickToDial = clickToDial;
    });
    expect(region.getAttribute('data-view')).toBe(view);
    expect(region.querySelector('.label')?.textContent).toBe(label);
    expect(element.hasAttribute('click-to-dial')).toBe(clickToDial);
  });

  test('updates in place when the state changes', async () => {
    const { element, region } = await mount();
    element.state = 'ready';
    element.clickToDial = true;
    await element.updateComplete;
    expect(region.getAttribute('data-view')).toBe('click-to-dial');
    expect(element.shadowRoot?.querySelector('[role="status"]')).toBe(region);
  });

  test('shows the message as text, never as markup', async () => {
    const message = '<img src=x onerror="alert(1)"> Reload the page.';
    const { region } = await mount((e) => {
      e.state = 'error';
      e.message = message;
    });
    expect(region.querySelector('.message')?.textContent).toBe(message);
    expect(region.querySelector('img')).toBeNull();
  });

  test('shows no message element without a message', async () => {
    const { region } = await mount();
    expect(region.querySelector('.message')).toBeNull();
  });
});
