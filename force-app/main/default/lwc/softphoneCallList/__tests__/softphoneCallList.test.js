import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneCallList = require('c/softphoneCallList').default;

const entry = (name) => ({ number: '4155550101', name });

describe('c-softphone-call-list', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  function createComponent(list) {
    const element = createElement('c-softphone-call-list', { is: SoftphoneCallList });
    element.list = list;
    document.body.appendChild(element);
    const heard = jest.fn();
    element.addEventListener('calllistskip', () => heard('skip'));
    element.addEventListener('callliststop', () => heard('stop'));
    return { element, heard };
  }

  const $ = (element, id) => element.shadowRoot.querySelector(`[data-id="${id}"]`);

  it('says who is called next, and Skip skips that one, Stop stops the list', () => {
    const { element, heard } = createComponent({
      remaining: [entry('Bob Martin'), entry('Erin Lee')],
      current: entry('Alice Nguyen'),
      phase: 'calling',
    });

    expect($(element, 'call-list-next').textContent).toBe('Next: Bob Martin');
    expect($(element, 'call-list-skip').title).toBe('Skip Bob Martin');
    $(element, 'call-list-skip').click();
    $(element, 'call-list-stop').click();

    expect(heard.mock.calls).toEqual([['skip'], ['stop']]);
  });

  it('says when the current call is the last one, with nothing to skip', () => {
    const { element } = createComponent({ remaining: [], current: entry('Erin Lee'), phase: 'calling' });

    expect($(element, 'call-list-next').textContent).toBe('This is the last call of the list.');
    expect($(element, 'call-list-skip')).toBeNull();
    expect($(element, 'call-list-stop').label).toBe('Stop the list');
  });

  it.each([
    ['with a next record', [entry('Bob Martin')]],
    ['on its last call', []],
  ])('is accessible %s', async (_, remaining) => {
    const { element } = createComponent({ remaining, current: entry('Alice Nguyen'), phase: 'calling' });
    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
