// A call machine's commands carried out on the call its actor owns, one handler per command, grouped by
// what they act on: the ringing call, a new dialog, the call in progress, its transfer, the agent's device
// (deskphone mode) and the host's mix. Every decision stays in the machine.
import type { SipCallCommand } from '../../call';
import { NotStartedError, type SipError } from '../errors';
import type { CallLeg } from '../leg/call-leg';
import { ignore, type OwnedCall } from './owned-call';

type Handlers<T extends SipCallCommand['type']> = {
  [K in T]: (call: OwnedCall, command: Extract<SipCallCommand, { type: K }>) => void;
};

const ringing: Handlers<'call.answer' | 'call.reject' | 'call.rejectWithMessage' | 'call.redirect'> = {
  'call.answer': (call) => ignore(call.onLeg((leg) => call.phone.answerLeg(leg))),
  'call.reject': (call, { statusCode }) =>
    ignore(call.onLeg((leg) => leg.reject(statusCode === 486 ? 'busy' : 'decline'))),
  'call.rejectWithMessage': (call, { text }) => ignore(call.phone.rejectWithMessage(call.callId, text)),
  'call.redirect': (call, { target }) =>
    void call.phone.redirect(call.callId, target).catch((error: unknown) => call.fail(error)),
};

/** Starts the dialog `create` prepares; one that cannot even start is reported as the call's failure. */
function start(call: OwnedCall, create: () => CallLeg): void {
  let next: CallLeg;
  try {
    next = create();
  } catch (error) {
    call.notStarted(error as SipError);
    return;
  }
  // Progress, answer and the typed failure arrive through the leg's delegate.
  ignore(call.own(next).dial());
}

const dialogs: Handlers<'call.dial' | 'call.recover'> = {
  'call.dial': (call, { target, about }) =>
    start(call, () =>
      call.phone.outgoingLeg(target, { callId: call.callId, ...(about ? { context: about } : {}) }),
    ),
  'call.recover': (call, { held }) => {
    const dialog = call.options.savedDialog(call.callId);
    start(call, () => {
      if (!dialog) throw new NotStartedError('This call has no saved dialog to take back.');
      return call.phone.recoveringLeg(dialog, { held });
    });
  },
};

function hangUp(call: OwnedCall): void {
  if (call.deviceLeg) call.deviceLeg.hangUp();
  else ignore(call.onLeg((leg) => leg.hangUp()));
}

const inCall: Handlers<
  'call.cancel' | 'call.hangup' | 'call.hold' | 'call.resume' | 'call.mute' | 'call.unmute' | 'call.dtmf'
> = {
  'call.cancel': hangUp,
  'call.hangup': hangUp,
  'call.hold': (call) => ignore(call.onLeg((leg) => leg.hold())),
  'call.resume': (call) => ignore(call.onLeg((leg) => leg.resume())),
  'call.mute': (call) => void call.onLeg((leg) => leg.mute(true)).catch((error: unknown) => call.fail(error)),
  'call.unmute': (call) =>
    void call.onLeg((leg) => leg.mute(false)).catch((error: unknown) => call.fail(error)),
  'call.dtmf': (call, { digits }) => ignore(call.onLeg((leg) => leg.sendDtmf(digits))),
};

const transfers: Handlers<'call.transfer.blind' | 'call.transfer.attended'> = {
  'call.transfer.blind': (call, { target, about }) =>
    ignore(call.phone.transfer(call.callId, target, about ? { context: about } : {})),
  'call.transfer.attended': (call, { consultCallId, about }) =>
    ignore(call.phone.attendedTransfer(call.callId, consultCallId, about ? { context: about } : {})),
};

const device: Handlers<'call.dialViaDevice' | 'call.connectCustomer'> = {
  'call.dialViaDevice': (call, { target }) => call.dialDevice(target),
  'call.connectCustomer': (call) => call.deviceLeg?.connectCustomer(),
};

// The mix is media only (the agent's browser bridges the parties): no signalling.
const conference: Handlers<'call.conference.join' | 'call.conference.leave'> = {
  'call.conference.join': (call) => {
    const mix = call.options.conference;
    if (mix) ignore(mix.join(call.callId));
  },
  'call.conference.leave': (call) => {
    const mix = call.options.conference;
    if (mix) ignore(mix.leave(call.callId));
  },
};

const handlers: Handlers<SipCallCommand['type']> = {
  ...ringing,
  ...dialogs,
  ...inCall,
  ...transfers,
  ...device,
  ...conference,
};

/** Carries `command` out on `call`. */
export function runCommand(call: OwnedCall, command: SipCallCommand): void {
  (handlers[command.type] as (call: OwnedCall, command: SipCallCommand) => void)(call, command);
}
