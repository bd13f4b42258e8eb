// Brittle on purpose: the event names and error codes are the contract with the statechart and the UI.
import type { SipEvent, SipErrorCode } from '..';
import * as sip from '..';

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

describe('src/sip contract', () => {
  test('sipEventTypes lists every event type exactly once, and nothing else', () => {
    const complete: Exact<(typeof sip.sipEventTypes)[number], SipEvent['type']> = true;
    expect(complete).toBe(true);
    expect([...sip.sipEventTypes]).toEqual([
      'sip.transport.connected',
      'sip.transport.disconnected',
      'sip.registration.registered',
      'sip.registration.unregistered',
      'sip.registration.failed',
      'sip.invite.received',
      'sip.invite.cancelled',
      'sip.invite.answeredElsewhere',
      'sip.dialog.terminated',
      'sip.invite.timedOut',
      'sip.invite.rejected',
      'sip.answer.failed',
      'sip.call.dialing',
      'sip.call.progress',
      'sip.call.redirected',
      'sip.call.answered',
      'sip.call.failed',
      'sip.call.ended',
      'sip.call.held',
      'sip.call.resumed',
      'sip.call.refreshed',
      'sip.reinvite.failed',
      'sip.reinvite.received',
      'sip.dtmf.received',
      'sip.refer.received',
      'sip.transfer.accepted',
      'sip.transfer.progress',
      'sip.transfer.succeeded',
      'sip.transfer.failed',
      'sip.message.received',
    ]);
    expect(new Set(sip.sipEventTypes).size).toBe(sip.sipEventTypes.length);
  });

  test.each<[number, SipErrorCode, string]>([
    [486, 'busy', 'CallBusyError'],
    [600, 'busy', 'CallBusyError'],
    [408, 'no-answer', 'NoAnswerError'],
    [480, 'no-answer', 'NoAnswerError'],
    [404, 'not-found', 'NotFoundError'],
    [604, 'not-found', 'NotFoundError'],
    [603, 'declined', 'CallDeclinedError'],
    [403, 'forbidden', 'ForbiddenError'],
    [407, 'authentication-failed', 'AuthenticationFailedError'],
    [484, 'address-incomplete', 'AddressIncompleteError'],
    [488, 'incompatible-media', 'IncompatibleMediaError'],
    [487, 'cancelled', 'CallCancelledError'],
    [503, 'server-error', 'ServerError'],
    [415, 'incompatible-media', 'IncompatibleMediaError'],
    [420, 'rejected', 'CallRejectedError'],
  ])('a final %i becomes %s (%s)', (status, code, name) => {
    const error = sip.errorForStatus(status, 'Reason');
    expect(error).toBeInstanceOf(sip.SipError);
    expect(error).toBeInstanceOf(Error);
    expect({ code: error.code, name: error.name, statusCode: error.statusCode }).toEqual({
      code,
      name,
      statusCode: status,
    });
    expect(error.message).toMatch(/^[A-Z].*\.$/);
  });

  test('an unmapped status keeps a printable reason phrase for support', () => {
    expect(sip.errorForStatus(499, 'Weird\u202E<b>thing</b>\r\n').message).toBe(
      'The call was rejected (SIP 499 Weirdbthing/b). If this keeps happening, tell your administrator.',
    );
  });
});
