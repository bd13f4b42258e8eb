import type { DialErrorCode, DialRefusal } from './dial-types';

/** Builds a refusal; `message` is shown to the agent as-is, so write it for them. */
export function refuse(code: DialErrorCode, message: string): DialRefusal {
  return { ok: false, code, message };
}
