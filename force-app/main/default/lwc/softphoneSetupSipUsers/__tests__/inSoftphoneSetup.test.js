import { createElement } from 'lwc';
import getOrgSettings from '@salesforce/apex/SoftphoneSetupController.getOrgSettings';
import searchAgents from '@salesforce/apex/SoftphoneSipUsers.searchAgents';

// Where the SIP users section lives: on the Softphone Setup tab, once the admin's settings have loaded.
const SETTINGS = require('../../softphoneSetup/__tests__/data/getOrgSettings.json');
const PAGE = require('./data/searchAgents.json');

jest.mock('@salesforce/apex/SoftphoneSetupController.getOrgSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSipUsers.searchAgents', () => ({ default: jest.fn() }), {
  virtual: true,
});

const { mockCustomLabels } = require('../../../../../test/jest-mocks/customLabels');
mockCustomLabels();
const SoftphoneSetup = require('c/softphoneSetup').default;

describe('c-softphone-setup with its SIP users section', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  function flushPromises() {
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- test helper, not component code
    return new Promise((resolve) => setTimeout(resolve, 0));
  }

  async function createSetup() {
    const element = createElement('c-softphone-setup', { is: SoftphoneSetup });
    document.body.appendChild(element);
    await flushPromises();
    await flushPromises();
    return element;
  }

  const section = (element) => element.shadowRoot.querySelector('c-softphone-setup-sip-users');

  it('shows the SIP users section under the settings, listing the agents', async () => {
    getOrgSettings.mockResolvedValue({ ...SETTINGS });
    searchAgents.mockResolvedValue(PAGE);
    const element = await createSetup();

    expect(section(element)).not.toBeNull();
    expect(searchAgents).toHaveBeenCalledWith({ query: '' });
    expect(section(element).shadowRoot.querySelectorAll('[data-id="sip-users-row"]')).toHaveLength(3);
  });

  it('leaves the section out when the settings cannot be loaded (no admin permission)', async () => {
    getOrgSettings.mockRejectedValue({
      body: { message: 'Only softphone admins can view or change these settings.' },
    });
    const element = await createSetup();

    expect(section(element)).toBeNull();
    expect(searchAgents).not.toHaveBeenCalled();
  });
});
