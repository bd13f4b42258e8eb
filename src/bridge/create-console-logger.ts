import type { CrmLogger } from '../protocol';

/** The page's logger: the browser console, each line tagged so admins can filter it. */
export function createConsoleLogger(
  sink: Pick<Console, 'debug' | 'info' | 'warn' | 'error'>,
  tag = '[softphone bridge]',
): CrmLogger {
  return {
    debug: (message) => sink.debug(tag, message),
    info: (message) => sink.info(tag, message),
    warn: (message) => sink.warn(tag, message),
    error: (message) => sink.error(tag, message),
  };
}
