import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneClickToDial = require('c/softphoneClickToDial').default;

const request = {
  callId: 'click-1',
  number: '(555) 000-1111',
  recordName: 'Ann Smith',
  emergency: false,
  refusal: null,
};

describe('c-softphone-click-to-dial', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(overrides = {}) {
    const element = createElement('c-softphone-click-to-dial', { is: SoftphoneClickToDial });
    element.request = { ...request, ...overrides };
    document.body.appendChild(element);
    const sent = jest.fn();
    element.addEventListener('softphonesend', (event) => sent(event.detail));
    return { element, sent };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

  it('asks whether to call the clicked number, and says which record it came from', () => {
    const { element } = createComponent();

    expect($(element, 'click-to-dial-title').textContent).toBe('Call (555) 000-1111?');
    expect($(element, 'click-to-dial-record').textContent).toBe('From Ann Smith');
    expect($(element, 'click-to-dial-emergency')).toBeNull();
    expect($(element, 'click-to-dial-call').label).toBe('Call');
    expect($(element, 'click-to-dial-cancel').label).toBe('Cancel');
  });

  it('"Call" confirms this request, by its id', () => {
    const { element, sent } = createComponent();

    $(element, 'click-to-dial-call').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.clickToDial.confirm', callId: 'click-1' });
  });

  it('"Cancel" drops this request, by its id', () => {
    const { element, sent } = createComponent();

    $(element, 'click-to-dial-cancel').click();

    expect(sent).toHaveBeenCalledWith({ type: 'ui.clickToDial.cancel', callId: 'click-1' });
  });

  it('says when the number is an emergency number, and leaves out an unknown record', () => {
    const { element } = createComponent({ number: '911', recordName: null, emergency: true });

    expect($(element, 'click-to-dial-emergency').textContent.trim()).toBe('This is an emergency number.');
    expect($(element, 'click-to-dial-record')).toBeNull();
  });

  it("shows the dialing rules' reason when they refuse the number", () => {
    const { element } = createComponent({
      refusal: 'Your dial plan blocks calls to numbers starting +1900.',
    });

    expect($(element, 'click-to-dial-refusal').textContent).toBe(
      'Your dial plan blocks calls to numbers starting +1900.',
    );
  });

  it('is accessible', async () => {
    const { element } = createComponent();
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });

  it('is accessible for an emergency number', async () => {
    const { element } = createComponent({ number: '911', recordName: null, emergency: true });
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
