// Salesforce's documented examples for Open CTI (opencti_min.js, Lightning): the error entries its callbacks
// report and the getCallCenterSettings returnValue, plus our softphoneSettings section. Tests script them
// into the emulation (open-cti.ts) and read them back through the real bridge.
import type { OpenCtiErrorEntry } from '../../src/bridge';

export const DOCUMENTED_ERRORS = {
  INVALID_PARAM: {
    code: 'INVALID_PARAM',
    description:
      'An invalid value was passed to the parameter PARAMETERNAME. A numeric value was expected, but UNDEFINED was found instead.',
  },
  GENERIC_ERROR: { code: 'GENERIC_ERROR', description: 'An error occurred while calling the API method.' },
  SERVER_ERROR: { code: 'SERVER_ERROR', description: 'A problem was encountered on the server.' },
  SOFTPHONE_CONTAINER_ERROR: {
    code: 'SOFTPHONE_CONTAINER_ERROR',
    description: 'Unable to execute sendPostMessage because the softphone container hasn’t initialized yet.',
  },
} satisfies Record<string, OpenCtiErrorEntry>;

/** The documented example of getCallCenterSettings' returnValue, plus our softphoneSettings section. */
export const DOCUMENTED_SETTINGS = {
  '/displayNameLabel': 'Display Name',
  '/internalNameLabel': 'InternalName',
  '/label': 'Softphone',
  '/reqDialingOptions/label': 'Dialing Options',
  '/reqDialingOptions/reqInternationalPrefix': '011',
  '/reqDialingOptions/reqLongDistPrefix': '1',
  '/reqDialingOptions/reqOutsidePrefix': '9',
  '/reqGeneralInfo/label': 'General Information',
  '/reqGeneralInfo/reqAdapterUrl': 'https://example.my.salesforce.com/apex/SoftphoneBridge',
  '/reqGeneralInfo/reqDescription': 'Open-source softphone',
  '/reqGeneralInfo/reqDisplayName': 'Softphone',
  '/reqGeneralInfo/reqInternalName': 'OpenSoftphone',
  '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Lightning',
  '/reqGeneralInfo/reqSoftphoneHeight': '400',
  '/reqGeneralInfo/reqSoftphoneWidth': '300',
  '/reqGeneralInfo/reqUseApi': 'true',
  '/softphoneSettings/label': 'Softphone Settings',
  '/softphoneSettings/mode': 'softphone',
  '/softphoneSettings/sipWebSocketUrl': 'wss://sip.example.com:8443/ws',
  '/softphoneSettings/sipDomain': 'sip.example.com',
};
