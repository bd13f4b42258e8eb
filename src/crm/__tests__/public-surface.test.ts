// Brittle on purpose: the utility LWC reaches src/crm through SoftphoneCore.crm; these names are its API.
import * as crm from '..';

test('src/crm exports exactly the schema, its checks, the client and their constants', () => {
  expect(Object.keys(crm).sort()).toEqual([
    'BRIDGE_ERROR_CODES',
    'BridgeClient',
    'BridgeRequestError',
    'CALL_LOG_ERROR_CODES',
    'CallLogError',
    'DEFAULT_REQUEST_TIMEOUT_MS',
    'EVENT_TYPES',
    'MESSAGE_TYPES',
    'REQUEST_TYPES',
    'SCHEMA_LIMITS',
    'SCHEMA_VERSION',
    'createMessage',
    'createRequestId',
    'isRequestType',
    'validateMessage',
    'validateResult',
  ]);
});

test('BridgeRequestError has a stable name and code', () => {
  const error = new crm.BridgeRequestError('EXPIRED', 'Search again.');
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('BridgeRequestError');
  expect(error.code).toBe('EXPIRED');
  expect(error.message).toBe('Search again.');
});

test('isRequestType knows the requests and nothing else', () => {
  expect(crm.REQUEST_TYPES.every((type) => crm.isRequestType(type))).toBe(true);
  expect(['clickToDial', 'bridgeStatus', 'response', 'dial'].some((type) => crm.isRequestType(type))).toBe(
    false,
  );
});
