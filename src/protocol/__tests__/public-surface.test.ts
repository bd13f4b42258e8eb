// Brittle on purpose: the bridge page and the utility (SoftphoneCore.protocol) share these names.
import * as protocol from '..';

test('src/protocol exports exactly the schema, its checks and their constants', () => {
  expect(Object.keys(protocol).sort()).toEqual([
    'BRIDGE_ERROR_CODES',
    'EVENT_TYPES',
    'MESSAGE_TYPES',
    'REQUEST_TYPES',
    'SCHEMA_LIMITS',
    'SCHEMA_VERSION',
    'VISUALFORCE_TYPES',
    'checksum',
    'createMessage',
    'createRequestId',
    'isCaseSafeId',
    'isRequestType',
    'isSalesforceId',
    'isVisualforceType',
    'validateMessage',
    'validateResult',
  ]);
});

test('isRequestType knows the requests and nothing else', () => {
  expect(protocol.REQUEST_TYPES.every((type) => protocol.isRequestType(type))).toBe(true);
  expect(
    ['clickToDial', 'bridgeStatus', 'response', 'dial'].some((type) => protocol.isRequestType(type)),
  ).toBe(false);
});
