// Brittle on purpose: the utility LWC reaches src/crm through SoftphoneCore.crm; these names are its API.
import * as crm from '..';

test('src/crm exports exactly the bridge client, the call-log error, the call list runner, the Visualforce door and their constants', () => {
  expect(Object.keys(crm).sort()).toEqual([
    'BridgeClient',
    'BridgeRequestError',
    'CALL_LOG_ERROR_CODES',
    'CallListRunner',
    'CallLogError',
    'DEFAULT_REQUEST_TIMEOUT_MS',
    'checkVisualforceEvent',
    'listenToVisualforce',
  ]);
});

test('BridgeRequestError has a stable name and code', () => {
  const error = new crm.BridgeRequestError('EXPIRED', 'Search again.');
  expect(error).toBeInstanceOf(Error);
  expect(error.name).toBe('BridgeRequestError');
  expect(error.code).toBe('EXPIRED');
  expect(error.message).toBe('Search again.');
});
