// The call center settings as the bridge read them, checked by the same schema as its status announcements.
import { SchemaViolation, type ValidationResult } from './kit';
import type { CallCenterSettings } from './messages';
import { callCenterSettings } from './payload-checks';

export function validateCallCenterSettings(raw: unknown): ValidationResult<CallCenterSettings> {
  try {
    return { ok: true, value: callCenterSettings(raw, 'settings') };
  } catch (error) {
    if (error instanceof SchemaViolation)
      return { ok: false, reason: 'invalid-payload', detail: error.message };
    throw error;
  }
}
