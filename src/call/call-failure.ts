// Why a call did not connect, in words an agent understands.

export type CallFailureReason =
  | 'busy'
  | 'no-answer'
  | 'not-found'
  | 'declined'
  | 'network'
  | 'invalid-number'
  | 'microphone-unavailable'
  | 'device-not-set'
  | 'device-busy'
  | 'device-declined'
  | 'device-unreachable'
  | 'device-no-answer'
  | 'device-voicemail'
  | 'device-hung-up'
  | 'no-key-press'
  /** A page reload: the far end could not take the call back (481, 603, no answer). */
  | 'not-recovered'
  /** A 3xx sent the call to a number the organisation's dial plan denies: it was not followed. */
  | 'forwarded-to-denied-number';

/** Failures of the agent's own device in deskphone mode: the customer is never dialled. */
export type DeviceFailureReason = Extract<CallFailureReason, `device-${string}`>;

export interface CallFailure {
  reason: CallFailureReason;
  message: string;
}

export const callFailureMessages: Readonly<Record<CallFailureReason, string>> = {
  busy: 'The line is busy. Try again later.',
  'no-answer': 'Nobody answered.',
  'not-found': 'This number does not exist or cannot be reached. Check the number.',
  declined: 'The call was declined.',
  network: 'The call was lost because of a network problem. Check your connection and try again.',
  'invalid-number': 'This number cannot be dialled.',
  'microphone-unavailable': 'Your microphone is not available. Allow microphone access and try again.',
  'device-not-set':
    'Your phone number is not set or cannot be dialled. Set it in the panel, then call again.',
  'device-busy': 'Your phone is busy, so the customer was not called.',
  'device-declined': 'Your phone declined the call, so the customer was not called.',
  'device-unreachable':
    'Your phone could not be reached, so the customer was not called. Check that it is on.',
  'device-no-answer': 'You did not answer on your phone, so the customer was not called.',
  'device-voicemail': 'The call went to your voicemail, so the customer was not called.',
  'device-hung-up': 'You hung up on your phone before the customer answered.',
  'no-key-press':
    'No key was pressed on your phone (or its voicemail answered), so the customer was not called.',
  'not-recovered':
    'The call could not be taken back after the page reloaded. Your notes are kept and the call is logged.',
  'forwarded-to-denied-number':
    "The call was forwarded to a number your organisation's dial plan blocks, so it was not put through.",
};

/**
 * Why a call carried over a page reload was lost, from the far end's answer to the INVITE with Replaces;
 * `expired`: no page of the agent took it back while the far end could still be expected to wait.
 */
export function notRecoveredFailure(statusCode: number | 'expired' | undefined): CallFailure {
  const why =
    statusCode === 'expired'
      ? 'no page of yours took it back in time'
      : statusCode === 481
        ? 'the other party had already hung up'
        : statusCode === 603 || statusCode === 403 || statusCode === 420 || statusCode === 486
          ? `the other party's phone refused to take it back (SIP ${statusCode})`
          : statusCode === 408 || statusCode === undefined
            ? "the other party's phone did not answer in time"
            : `the other party's phone answered SIP ${statusCode}`;
  return {
    reason: 'not-recovered',
    message: `The call was dropped when the page reloaded: ${why}. Your notes are kept and the call is logged.`,
  };
}

export function callFailure(reason: CallFailureReason, message?: string): CallFailure {
  return { reason, message: message ?? callFailureMessages[reason] };
}

/** Maps the final SIP status of a failed INVITE to the reason shown to the agent (for the SIP adapter). */
export function callFailureReasonFromSipStatus(statusCode: number): CallFailureReason {
  if (statusCode === 486 || statusCode === 600) return 'busy';
  if (statusCode === 408 || statusCode === 480 || statusCode === 487) return 'no-answer';
  if (statusCode === 404 || statusCode === 484 || statusCode === 604 || statusCode === 410)
    return 'not-found';
  if (statusCode === 403 || statusCode === 603) return 'declined';
  return 'network';
}
