// The dial request the Open CTI bridge sends for a click on a phone field, built here for the call button:
// the same `clickToDial` message on the Softphone__c channel (src/protocol/messages.ts, schema version 1),
// so the utility's one entry point (src/crm/click-to-dial.ts) applies the dial plan and the "ask while on
// a call" rule to both.
const SCHEMA_VERSION = 1;

function requestId() {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const defined = (object) =>
  Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined && value !== null));

export function dialRequest({ number, recordId, recordName, objectType }) {
  return {
    version: SCHEMA_VERSION,
    type: 'clickToDial',
    requestId: requestId(),
    payload: defined({ number, recordId, recordName, objectType }),
  };
}
