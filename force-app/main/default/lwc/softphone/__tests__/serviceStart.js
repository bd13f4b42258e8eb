// What the utility's service starts from, shared by c-softphone's and c-softphoneService's tests: the Apex
// methods it calls (jest functions; there is no org) and the softphoneCore static resource (the fake core).
// Import it before anything that imports Apex, so these mocks are the modules both the test and the
// component get.
import { loadScript } from 'lightning/platformResourceLoader';
import getSettings from '@salesforce/apex/SoftphoneSettingsController.getSettings';
import getSipCredentials from '@salesforce/apex/SoftphoneCredentials.getSipCredentials';
import getStorageKey from '@salesforce/apex/SoftphoneCredentials.getStorageKey';
import logMissedCall from '@salesforce/apex/SoftphoneCallLog.logMissedCall';
import { createFakeCore } from './fakeCore';

jest.mock('@salesforce/apex/SoftphoneSettingsController.getSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneSettingsController.saveDeviceNumber', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneCredentials.getSipCredentials', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneCredentials.getStorageKey', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneCallLog.logMissedCall', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneCallLog.logCall', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByPhone', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/SoftphoneContactSearch.searchByName', () => ({ default: jest.fn() }), {
  virtual: true,
});

export const mockSettings = require('./data/getSettings.json');
export const mockCredentials = require('./data/getSipCredentials.json');
/** The agent's storage key as SoftphoneCredentials.getStorageKey returns it (base64 of 32 bytes). */
export const STORAGE_KEY = 'GQ8cKM6qsduotKaxX3ky8hbTmpTcebmO2R6ObqsxL8U=';

export const clone = (value) => JSON.parse(JSON.stringify(value));

/** Apex answers with the fixtures and loadScript installs a new fake core, which is returned. */
export function startsWithFakeCore() {
  const fake = createFakeCore();
  loadScript.mockImplementation((component, url) => {
    if (url.includes('softphoneNumberingPlans')) window.SoftphoneNumberingPlans = { metadata: {} };
    else if (url.includes('softphoneDeskphone')) window.SoftphoneDeskphone = { deskphone: 'parts' };
    else window.SoftphoneCore = fake.core;
    return Promise.resolve();
  });
  getSettings.mockResolvedValue(clone(mockSettings));
  getSipCredentials.mockResolvedValue(clone(mockCredentials));
  getStorageKey.mockResolvedValue(STORAGE_KEY);
  logMissedCall.mockResolvedValue({ taskId: '00T000000000001AAA', created: true });
  return fake;
}
