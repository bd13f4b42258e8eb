// A failed Open CTI call, with Salesforce's own text kept for the logs and a message written for the agent.
import { SCHEMA_LIMITS } from '../protocol';
import { OPEN_CTI_ERROR_CODES, type OpenCtiErrorCode } from './open-cti-error-code';
import type { OpenCtiMethod } from './open-cti-method';

const WHAT_FAILED: Record<OpenCtiMethod, string> = {
  enableClickToDial: 'Click-to-dial could not be turned on.',
  disableClickToDial: 'Click-to-dial could not be turned off.',
  getCallCenterSettings: 'Salesforce could not read your call center settings.',
  notifyInitializationComplete: 'Salesforce was not told that the phone is ready.',
};

const WHAT_TO_DO: Record<OpenCtiErrorCode, string> = {
  INVALID_PARAM: 'Salesforce refused a value; if this keeps happening, tell your Salesforce administrator.',
  GENERIC_ERROR: 'Try again; if it keeps happening, reload the page.',
  SERVER_ERROR: 'Salesforce had a server problem; try again in a moment.',
  SOFTPHONE_CONTAINER_ERROR:
    'The phone panel is still starting; wait a moment and try again, or reload the page.',
  TIMEOUT: 'Salesforce did not answer in time; try again, or reload the page.',
};

const CONTROL = /[\u0000-\u001F\u007F]+/g;

function clean(value: string): string {
  return value.replace(CONTROL, ' ').trim();
}

function isCode(value: unknown): value is OpenCtiErrorCode {
  return typeof value === 'string' && (OPEN_CTI_ERROR_CODES as readonly string[]).includes(value);
}

/** Salesforce puts details (e.g. field-level problems) in `details`: a list of {message, ...} or one such object. */
function detailMessages(details: unknown): string[] {
  const entries = Array.isArray(details)
    ? details
    : details === undefined || details === null
      ? []
      : [details];
  return entries
    .map((entry: unknown) =>
      typeof entry === 'string'
        ? entry
        : typeof entry === 'object' &&
            entry !== null &&
            typeof (entry as { message?: unknown }).message === 'string'
          ? (entry as { message: string }).message
          : '',
    )
    .map(clean)
    .filter((message) => message !== '')
    .slice(0, 5);
}

export class OpenCtiError extends Error {
  override readonly name = 'OpenCtiError';
  readonly code: OpenCtiErrorCode;
  readonly method: OpenCtiMethod;
  /** Salesforce's description, for the logs. */
  readonly description: string;
  /** Salesforce's details, e.g. field-level messages. */
  readonly details: string[];

  constructor(method: OpenCtiMethod, code: OpenCtiErrorCode, description: string, details: string[] = []) {
    const said = details.length > 0 ? ` Salesforce said: ${details.join('; ')}` : '';
    const message = `${WHAT_FAILED[method]} ${WHAT_TO_DO[code]}${said}`;
    super(
      message.length > SCHEMA_LIMITS.messageLength
        ? `${message.slice(0, SCHEMA_LIMITS.messageLength - 1)}…`
        : message,
    );
    this.method = method;
    this.code = code;
    this.description = clean(description);
    this.details = details;
  }

  /** From a callback response with success !== true (unknown or missing codes become GENERIC_ERROR). */
  static fromResponse(method: OpenCtiMethod, response: unknown): OpenCtiError {
    const body =
      typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
    // Documented as `errors`; one page of the guide calls it `error`.
    const list: unknown = body.errors ?? body.error;
    const entries: unknown[] = Array.isArray(list) ? list : list ? [list] : [];
    const first = (entries[0] ?? {}) as Record<string, unknown>;
    const code = isCode(first.code) && first.code !== 'TIMEOUT' ? first.code : 'GENERIC_ERROR';
    const description = typeof first.description === 'string' ? first.description : 'no description';
    return new OpenCtiError(method, code, description, detailMessages(first.details));
  }

  static timeout(method: OpenCtiMethod, ms: number): OpenCtiError {
    return new OpenCtiError(method, 'TIMEOUT', `no callback within ${ms} ms`);
  }

  /** The method threw instead of calling back (e.g. opencti_min.js outside its iframe). */
  static thrown(method: OpenCtiMethod, error: unknown): OpenCtiError {
    return new OpenCtiError(method, 'GENERIC_ERROR', error instanceof Error ? error.message : String(error));
  }
}
