// Errors of the media layer: a stable code and a message that tells the agent what happened.
export type MediaErrorCode =
  | 'conference-full'
  | 'conference-duplicate-leg'
  | 'conference-no-media'
  | 'device-selection-unsupported'
  | 'output-selection-unsupported'
  | 'device-not-found'
  | 'device-not-allowed';

export class MediaError extends Error {
  constructor(
    readonly code: MediaErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MediaError';
  }
}

export class ConferenceFullError extends MediaError {
  constructor(readonly maxParties: number) {
    super(
      'conference-full',
      `A conference holds at most ${maxParties} people, you included. Remove someone first.`,
    );
    this.name = 'ConferenceFullError';
  }
}
