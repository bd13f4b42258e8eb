// EMULATION of how Lightning reports a failed Apex call: an AuraHandledException's message reaches the
// component as `error.body.message`; anything else thrown by Apex is an internal server error.

/** SoftphoneSecurity.error(message): an AuraHandledException whose message the agent sees as written. */
export class AuraHandledException extends Error {
  readonly status = 500;
  constructor(message: string) {
    super(message);
    this.name = 'AuraHandledException';
  }
}

/** The call itself was refused before Apex ran (unknown method, a parameter of the wrong type). */
export class ApexRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ApexRequestError';
  }
}

/** The body Lightning gives a failed call; the runtime (workbench/lwc/runtime/apex.js) wraps it as { body, status }. */
export interface ApexErrorBody {
  message: string;
  exceptionType?: string;
}

export function apexErrorBody(error: unknown): { status: number; body: ApexErrorBody } {
  if (error instanceof AuraHandledException) {
    return { status: 500, body: { message: error.message, exceptionType: 'System.AuraHandledException' } };
  }
  if (error instanceof ApexRequestError) return { status: error.status, body: { message: error.message } };
  // Unhandled Apex exceptions reach Lightning as a generic message; the workbench adds the cause.
  const cause = error instanceof Error ? error.message : String(error);
  return { status: 500, body: { message: `An internal server error has occurred (workbench: ${cause})` } };
}
