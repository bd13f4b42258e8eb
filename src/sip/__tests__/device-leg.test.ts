import type { DeviceFailureReason } from '../../call';
import { deviceFailureReason } from '../device-leg';
import {
  CallBusyError,
  CallCancelledError,
  CallDeclinedError,
  InvalidArgumentError,
  NetworkError,
  NoAnswerError,
  NotFoundError,
  type SipError,
} from '../errors';

const cases: [SipError, DeviceFailureReason][] = [
  [new CallBusyError(), 'device-busy'],
  [new CallDeclinedError(), 'device-declined'],
  [new NoAnswerError(), 'device-no-answer'],
  [new CallCancelledError(), 'device-no-answer'],
  [new NotFoundError(), 'device-unreachable'],
  [new NetworkError(), 'device-unreachable'],
  [new InvalidArgumentError('not a SIP address'), 'device-not-set'],
];

describe('deskphone mode: why the agent’s own device did not take the call', () => {
  test.each(cases.map(([error, reason]) => [error.code, reason, error] as const))(
    'a %s answer from the device is %s',
    (_code, reason, error) => {
      expect(deviceFailureReason(error)).toBe(reason);
    },
  );
});
