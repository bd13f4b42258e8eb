// Brittle on purpose: the utility LWC reaches src/crm through SoftphoneCore.crm; these names are its API.
import * as crm from '..';

test('src/crm exports exactly the bridge client, the call-log error, the call list runner, the Visualforce door and their constants', () => {
  expect(Object.keys(crm).sort()).toEqual([
    'BridgeClient',
    'CALL_LOG_ERROR_CODES',
    'CallListRunner',
    'CallLogError',
    'checkVisualforceEvent',
    'listenToVisualforce',
  ]);
});
