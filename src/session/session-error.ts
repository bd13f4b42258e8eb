// Problems of the tab session, with stable codes and messages an agent can act on.

export type SessionErrorCode = 'invalid-message' | 'leader-unreachable' | 'command-failed' | 'not-cloneable';

export const sessionErrorMessages: Readonly<Record<SessionErrorCode, string>> = {
  'invalid-message': 'Another tab sent a message this tab cannot read. Reload your other Salesforce tabs.',
  'leader-unreachable':
    'The tab holding your phone did not answer. Your action was not done; try again in a moment.',
  'command-failed': 'The tab holding your phone could not do that.',
  'not-cloneable': 'The phone state could not be shared with your other tabs.',
};

export class SessionError extends Error {
  override readonly name = 'SessionError';
  readonly code: SessionErrorCode;

  constructor(code: SessionErrorCode, detail?: string) {
    super(detail ? `${sessionErrorMessages[code]} (${detail})` : sessionErrorMessages[code]);
    this.code = code;
  }
}
