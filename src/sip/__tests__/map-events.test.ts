import { toCallEvent, toPhoneEvent } from '../actors/map-events';

const now = () => 42;

describe('SIP events as the statechart sees them', () => {
  test('an INVITE from another agent carries the customer it is about and the call it replaces', () => {
    expect(
      toPhoneEvent(
        {
          type: 'sip.invite.received',
          callId: 'r1',
          caller: { uri: 'sip:1001@example.com', user: '1001', displayName: 'Ada Agent', source: 'from' },
          context: { number: '+14155550101', recordId: '003WB0000000001YAA' },
          replacesCallId: 'k1',
        },
        now,
      ),
    ).toEqual({
      type: 'sip.invite.received',
      callId: 'r1',
      remote: { number: '1001', displayName: 'Ada Agent' },
      at: 42,
      about: { number: '+14155550101', recordId: '003WB0000000001YAA' },
      replacesCallId: 'k1',
    });
  });

  test('a call ended because another call replaced it is reported as replaced, other ends as ended', () => {
    expect(
      toCallEvent({ type: 'sip.call.ended', callId: 'k1', by: 'local', reason: 'replaced' }, now),
    ).toEqual({
      type: 'sip.call.replaced',
      at: 42,
    });
    expect(
      toCallEvent({ type: 'sip.call.ended', callId: 'k1', by: 'remote', reason: 'hangup' }, now),
    ).toEqual({
      type: 'sip.call.ended',
      at: 42,
    });
  });
});
