import type { OpenCtiErrorEntry } from './open-cti-error-entry';

/** What every Open CTI callback receives. */
export interface OpenCtiResponse<T = unknown> {
  success: boolean;
  returnValue: T | null;
  errors: OpenCtiErrorEntry[] | null;
}
