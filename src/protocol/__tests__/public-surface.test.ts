// Brittle on purpose: the bridge page and the utility (SoftphoneCore.protocol) share these names.
import * as protocol from '..';

test('src/protocol exports exactly the schema, its checks and their constants', () => {
  expect(Object.keys(protocol).sort()).toEqual([
    'BRIDGE_ERROR_CODES',
    'MESSAGE_TYPES',
    'SCHEMA_LIMITS',
    'SCHEMA_VERSION',
    'checksum',
    'createMessage',
    'createRequestId',
    'isCaseSafeId',
    'isSalesforceId',
    'validateCallCenterSettings',
    'validateMessage',
  ]);
});
