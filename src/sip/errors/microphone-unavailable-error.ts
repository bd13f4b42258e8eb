import { SipError } from './sip-error';

export class MicrophoneUnavailableError extends SipError {
  readonly code = 'microphone-unavailable' as const;

  constructor(
    message = 'The microphone is blocked or missing. Allow microphone access for this site in the browser (or plug one in), then answer again.',
    statusCode?: number,
  ) {
    super(message, statusCode);
  }
}
