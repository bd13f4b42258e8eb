import { createElement } from 'lwc';
import axe from 'axe-core';

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneErrorPanel = require('c/softphoneErrorPanel').default;

describe('c-softphone-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function createComponent(errors) {
    const element = createElement('c-softphone-error-panel', { is: SoftphoneErrorPanel });
    element.errors = errors;
    document.body.appendChild(element);
    return element;
  }

  const texts = (element) =>
    [...element.shadowRoot.querySelectorAll('[data-id="error-text"]')].map((node) => node.textContent);

  it('renders nothing without errors', () => {
    const element = createComponent([]);

    expect(element.shadowRoot.querySelector('[data-id="error-panel"]')).toBeNull();
  });

  it('shows the readable message of every kind of error, as an alert', () => {
    const element = createComponent([
      { key: 'apex', error: { body: { message: 'Insufficient access' }, status: 500 } },
      { key: 'dml', error: { body: { pageErrors: [{ message: 'Required fields are missing' }] } } },
      { key: 'list', error: { body: [{ message: 'First' }, { message: 'Second' }] } },
      { key: 'js', error: new Error('The phone bridge did not answer.') },
      { key: 'text', error: 'Plain words' },
    ]);

    expect(element.shadowRoot.querySelector('[data-id="error-panel"]').getAttribute('role')).toBe('alert');
    expect(texts(element)).toEqual([
      'Insufficient access',
      'Required fields are missing',
      'First Second',
      'The phone bridge did not answer.',
      'Plain words',
    ]);
  });

  it('says something went wrong when an error carries no message, never a stack', () => {
    const error = new Error('');
    error.stack = 'Error\n    at secret (core.js:1:1)';
    const element = createComponent([{ key: 'empty', error }]);

    expect(texts(element)).toEqual([
      'Something went wrong. Try again; if it happens again, tell your Salesforce administrator.',
    ]);
  });

  it('offers to dismiss dismissible errors only', () => {
    const element = createComponent([
      { key: 'a', error: 'Dismiss me', dismissible: true },
      { key: 'b', error: 'Stays' },
    ]);
    const dismissed = jest.fn();
    element.addEventListener('dismiss', (event) => dismissed(event.detail));

    const buttons = element.shadowRoot.querySelectorAll('[data-id="dismiss-error"]');
    expect(buttons).toHaveLength(1);
    expect(buttons[0].alternativeText).toBe('Dismiss');
    buttons[0].click();

    expect(dismissed).toHaveBeenCalledWith({ key: 'a' });
  });

  it('is accessible', async () => {
    const element = createComponent([{ key: 'a', error: 'Problem', dismissible: true }]);

    const { violations } = await axe.run(element, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations).toEqual([]);
  });
});
